# nix-formats.md §2: recursive sha256 (the NAR hash of a file holding "x") is a source path
{ name = "fod-rec"; system = "x86_64-linux"; builder = "/bin/sh"; outputHashMode = "recursive"; outputHashAlgo = "sha256";
  outputHash = "2ca0b8ce996f865db37619bfe91023559305aad8158042fc6ddb0ef1d43c5b67"; }
