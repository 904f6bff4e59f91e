# nix-formats.md §3 "top": one output of a multi-output input
let multi = derivation (import ./multi.nix); in
{ name = "top"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "cat ${multi.dev} > $out" ]; }
