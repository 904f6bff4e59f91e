# Checks a freeformType given at the top of a module written in the short form (its other
# attributes are definitions), from a file-less module with its own `_file'.
lib:
let inherit (lib) mkOption types; in
{
  modules = [
    { _file = "free.nix"; freeformType = types.attrsOf types.str; a = "x"; b = lib.mkDefault "y"; }
    { options.n = mkOption { type = types.int; default = 1; }; config.b = "z"; }
  ];
  expr = config: config;
}
