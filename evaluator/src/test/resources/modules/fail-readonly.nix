# Must fail: a read-only option with a default is defined again.
lib:
{
  modules = [
    { options.version = lib.mkOption { type = lib.types.str; default = "1.0"; readOnly = true; }; }
    { version = "2.0"; }
  ];
  expr = config: config.version;
}
