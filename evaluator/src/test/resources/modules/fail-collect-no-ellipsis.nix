# Must fail: a module function without `...' that does not name every module argument.
lib:
{
  modules = [ ({ config, lib }: { }) ];
  expr = config: config;
}
