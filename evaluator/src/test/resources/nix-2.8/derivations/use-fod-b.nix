# as use-fod-a, with a fixed-output input that differs only in its args
let fod = derivation (import ./fod.nix // { args = [ "-c" "printf x >$out" ]; }); in
{ name = "use"; system = "x86_64-linux"; builder = "/bin/sh"; args = [ "-c" "cat ${fod} > $out" ]; }
