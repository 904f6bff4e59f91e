# env values: floats as C's %f, a set with outPath, a derivation, nested lists, a path below a directory
let simple = derivation (import ./simple.nix); in
{
  name = "coercion"; system = "x86_64-linux"; builder = "/bin/sh";
  half = 1.5; big = 1.0e20; neg = -7; set = { outPath = "plain"; }; drv = simple; deep = [ [ "a" [ "b" ] ] [ ] "c" ];
  tree = ./tree; link = ./tree/c; ph = builtins.placeholder "out";
}
