# A set module in a file, imported twice (once from a.nix, once from the case): loaded once.
{ log = [ "b" ]; }
