# nix-formats.md §3 "simple"
{ name = "simple"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "echo hi > $out" ]; }
