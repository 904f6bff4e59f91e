# Must fail: two modules declare the same option, each with a default.
lib:
{
  modules = [
    { _file = "first.nix"; options.a = lib.mkOption { type = lib.types.int; default = 1; }; }
    { _file = "second.nix"; options.a = lib.mkOption { type = lib.types.int; default = 2; }; }
  ];
  expr = config: config.a;
}
