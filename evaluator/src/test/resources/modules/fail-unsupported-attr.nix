# Must fail: a module with `config' and a stray top-level definition.
lib:
{
  modules = [
    { options.a = lib.mkOption { type = lib.types.int; default = 0; }; }
    { config.a = 1; b = 2; }
  ];
  expr = config: config.a;
}
