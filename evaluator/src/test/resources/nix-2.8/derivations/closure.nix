# a drvPath in the environment: its whole closure becomes inputs, every .drv in it with all outputs
let
  hello = builtins.toFile "hello.txt" "hi";
  simple = derivation (import ./simple.nix);
  lib = derivation { name = "lib"; system = "x86_64-linux"; builder = "/bin/sh"; outputs = [ "out" "dev" ]; src = hello; dep = simple; };
in {
  name = "closure"; system = "x86_64-linux"; builder = "/bin/sh";
  drv = lib.drvPath; plain = builtins.unsafeDiscardOutputDependency simple.drvPath;
}
