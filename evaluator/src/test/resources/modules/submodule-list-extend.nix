# Checks: listOf submodule gets each element's defaults; a submodule declared in two places
# merges its options; `name` in a listOf submodule is the element's placeholder; an option
# declared twice with submodule types and with sub-options next to it merges all of them.
lib:
let
  inherit (lib) mkOption types;
in
{
  modules = [
    {
      options.mounts = mkOption {
        type = types.listOf (types.submodule ({ name, ... }: {
          options.where = mkOption { type = types.str; };
          options.options = mkOption { type = types.listOf types.str; default = [ "defaults" ]; };
          options.label = mkOption { type = types.str; default = name; };
        }));
        default = [ ];
      };
      options.server = mkOption { type = types.submodule { options.host = mkOption { type = types.str; default = "localhost"; }; }; default = { }; };
    }
    { options.server = mkOption { type = types.submodule { options.port = mkOption { type = types.port; default = 22; }; }; }; }
    { options.server.user = mkOption { type = types.str; default = "root"; }; }
    { mounts = [ { where = "/"; } { where = "/home"; options = [ "noatime" ]; } ]; server.port = 2222; }
  ];
  expr = config: { inherit (config) mounts server; };
}
