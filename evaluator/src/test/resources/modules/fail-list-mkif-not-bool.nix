# Must fail: an mkIf inside a list element with a condition that is not a Boolean.
lib:
{
  modules = [
    { options.a = lib.mkOption { type = lib.types.listOf lib.types.int; }; }
    { a = [ 1 (lib.mkIf 3 2) ]; }
  ];
  expr = config: config.a;
}
