# Must fail: `imports' is not a list.
lib:
{
  modules = [ { imports = ./include/collect/b.nix; } ];
  expr = config: config;
}
