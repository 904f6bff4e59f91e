# nix-formats.md §2: flat sha512 of "x" (2.8 accepts sha512 for fixed outputs)
{ name = "fod-sha512"; system = "x86_64-linux"; builder = "/bin/sh"; outputHashAlgo = "sha512";
  outputHash = builtins.hashString "sha512" "x"; }
