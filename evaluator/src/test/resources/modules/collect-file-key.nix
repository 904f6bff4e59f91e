# Checks `_file' and `key' of modules in an evaluation: the files named for definitions and
# declarations (an inline module's own `_file', inherited by what it imports), and modules
# deduplicated by an explicit `key'.
lib:
let
  inherit (lib) mkOption types;
  once = { key = "once"; count = [ 1 ]; };
in
{
  modules = [
    { _file = "decl.nix"; options.count = mkOption { type = types.listOf types.int; default = [ ]; }; }
    { _file = "outer.nix"; imports = [ { count = [ 2 ]; } once ]; }
    once
    { imports = [ once ]; }
    ({ options, ... }: {
      options.seen = mkOption { type = types.raw; default = { inherit (options.count) files declarations; }; };
    })
  ];
  expr = config: { inherit (config) count seen; };
}
