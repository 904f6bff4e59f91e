# nix-formats.md §3 "multi": two outputs, input derivations (one fixed-output), sources, every env coercion
let
  simple = derivation (import ./simple.nix);
  fod = derivation (import ./fod.nix);
in {
  name = "multi"; system = "x86_64-linux"; builder = "/bin/sh"; outputs = [ "out" "dev" ];
  args = [ "-c" "echo ${simple} > $out; echo ${fod.out} > $dev" ];
  src = ./tree/a; note = "q\"b\\s\nn\tt\rr $ end"; flag = true; off = false; nothing = null;
  num = 42; list = [ "x" 1 [ ] "y" ]; hello = builtins.toFile "hello.txt" "hi";
}
