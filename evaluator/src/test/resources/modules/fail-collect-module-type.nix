# Must fail: an import that is neither a path, a function nor an attribute set.
lib:
{
  modules = [ { imports = [ 42 ]; } ];
  expr = config: config;
}
