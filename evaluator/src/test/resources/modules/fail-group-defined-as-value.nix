# Must fail: a set of options (services.web) is defined as a plain value.
lib:
{
  modules = [
    ./include/web.nix
    ./include/log.nix
    { services.web = true; }
  ];
  expr = config: config.log;
}
