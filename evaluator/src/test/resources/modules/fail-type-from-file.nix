# Must fail: a definition in an imported file has the wrong type; the message names the
# option, the type, the value and the file and line of the definition.
lib:
{
  modules = [ ./include/log.nix ./include/web.nix ./include/bad-port.nix ];
  expr = config: config.log;
}
