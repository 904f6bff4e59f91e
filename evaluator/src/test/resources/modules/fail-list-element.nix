# Must fail: one element of a list has the wrong type; the path shows which definition and
# which entry.
lib:
{
  modules = [
    { options.ports = lib.mkOption { type = lib.types.listOf lib.types.port; default = [ ]; }; }
    { ports = [ 22 80 ]; }
    { ports = [ 443 70000 ]; }
  ];
  expr = config: config.ports;
}
