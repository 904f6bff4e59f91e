# Must fail: two options defined from each other.
lib:
{
  modules = [
    ({ config, ... }: {
      options.a = lib.mkOption { type = lib.types.int; };
      options.b = lib.mkOption { type = lib.types.int; };
      config.a = config.b + 1;
      config.b = config.a + 1;
    })
  ];
  expr = config: config.a;
}
