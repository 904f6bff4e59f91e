# Must fail: an entry of disabledModules that is no path, string or set with a key.
lib:
{
  modules = [ { _file = "disabling.nix"; disabledModules = [ 3 ]; } ];
  expr = config: config;
}
