# nix-formats.md §2: recursive sha1, an output:out path
{ name = "fod-sha1"; system = "x86_64-linux"; builder = "/bin/sh"; outputHashMode = "recursive"; outputHashAlgo = "sha1";
  outputHash = "0000000000000000000000000000000000000000"; }
