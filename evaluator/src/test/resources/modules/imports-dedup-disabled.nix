# Checks: the same file imported from several places counts once (its key is its path);
# disabledModules removes a module; a module with an explicit `key` is also taken once.
lib:
let keyed = { key = "keyed"; log = [ "keyed" ]; }; in
{
  modules = [
    { imports = [ ./include/log.nix ./include/web.nix ]; }
    { imports = [ ./include/web.nix ./include/log.nix ./include/extra.nix ]; }
    { disabledModules = [ ./include/extra.nix ]; }
    keyed
    { imports = [ keyed ]; services.web.enable = true; }
  ];
  expr = config: config.log;
}
