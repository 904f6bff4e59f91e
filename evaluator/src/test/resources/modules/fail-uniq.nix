# Must fail: a uniq option defined twice, even with equal values.
lib:
{
  modules = [
    { options.init = lib.mkOption { type = lib.types.uniq lib.types.str; }; }
    { init = "systemd"; }
    { init = "systemd"; }
  ];
  expr = config: config.init;
}
