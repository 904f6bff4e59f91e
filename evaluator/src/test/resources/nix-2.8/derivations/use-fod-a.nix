# nix-formats.md §3 "FOD equivalence": how a fixed output is built does not change what uses it
let fod = derivation (import ./fod.nix); in
{ name = "use"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "cat ${fod} > $out" ]; }
