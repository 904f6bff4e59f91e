# Checks disabledModules: by path (and what only that module imported goes too), by key string,
# by a set with a `key', while a module imported elsewhere as well stays.
lib:
let
  inherit (lib) mkOption types;
  keyed = { key = "keyed-module"; log = [ "keyed" ]; };
  byAttrs = { key = "by-attrs"; log = [ "by-attrs" ]; };
in
{
  modules = [
    { options.log = mkOption { type = types.listOf types.str; default = [ ]; }; }
    { imports = [ ./include/collect/disabled-by-path.nix keyed byAttrs ./include/collect/b.nix ]; }
    { disabledModules = [ ./include/collect/disabled-by-path.nix "keyed-module" { key = "by-attrs"; } ]; }
    { imports = [ ./include/collect/b.nix ]; log = [ "kept" ]; }
  ];
  expr = config: config.log;
}
