# Must fail: a misspelt option name; the message suggests the declared name next to it.
lib:
{
  modules = [
    ./include/web.nix
    ./include/log.nix
    { services.web.prot = 8080; }
  ];
  expr = config: config.services.web.port;
}
