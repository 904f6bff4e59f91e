# Flake references survive a round trip through their attribute form.
let
  refs = [ "nixpkgs" "nixpkgs/nixos-23.05" "git+https://example.org/r?ref=main" "path:/etc/x"
           "https://x.org/a.tar.gz" "gitlab:o/r/0123456789012345678901234567890123456789"
           "github:NixOS/nixpkgs/23.05?dir=lib" ];
in {
  roundTrip = map (r: builtins.flakeRefToString (builtins.parseFlakeRef r)) refs;
  parsed = builtins.parseFlakeRef "gitlab:o/r/0123456789012345678901234567890123456789";
  numbers = builtins.flakeRefToString { type = "github"; owner = "o"; repo = "r"; revCount = 3; shallow = true; };
}
