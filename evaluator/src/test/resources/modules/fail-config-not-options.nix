# Must fail: an option "declared" under config; nothing is declared, so the message hints
# that it belongs in `options'.
lib:
{
  modules = [ { config.port = lib.mkOption { type = lib.types.port; }; } ];
  expr = config: config.port;
}
