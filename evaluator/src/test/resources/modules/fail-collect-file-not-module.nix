# Must fail: an imported file that is neither a function nor an attribute set.
lib:
{
  modules = [ { imports = [ ./include/collect/list.nix ]; } ];
  expr = config: config;
}
