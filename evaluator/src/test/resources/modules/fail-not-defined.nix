# Must fail: an option without default that nothing defines is read.
lib:
{
  modules = [ { options.hostName = lib.mkOption { type = lib.types.str; }; } ];
  expr = config: config.hostName;
}
