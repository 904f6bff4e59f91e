# The system's packages: their union is the toplevel's `sw` (/run/current-system/sw), and
# their store paths are listed in packages.json.
{ config, lib, pkgs, ... }:
let inherit (lib) mkOption types; in
{
  options.environment.systemPackages = mkOption {
    type = types.listOf types.package;
    default = [ ];
    example = lib.literalExpression "[ pkgs.hello pkgs.cowsay ]";
    description = "Packages installed system-wide, in /run/current-system/sw.";
  };

  config.system.build.path = pkgs.buildEnv {
    name = "system-path";
    paths = config.environment.systemPackages;
  };
}
