# Must fail: mkIf with a condition that is not a Boolean.
lib:
{
  modules = [
    { options.flag = lib.mkOption { type = lib.types.bool; default = false; }; }
    { flag = lib.mkIf "yes" true; }
  ];
  expr = config: config.flag;
}
