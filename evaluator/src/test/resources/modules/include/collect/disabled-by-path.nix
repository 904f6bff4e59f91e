# Disabled by its path; what it imports (and nothing else does) goes too.
{ imports = [ ./only-from-disabled.nix ]; log = [ "disabled-by-path" ]; }
