# What names this system: its label (shown in the boot menu) and the releases involved.
{ config, lib, ... }:
let inherit (lib) mkOption types; in
{
  options.system = {
    sysbuildVersion = mkOption {
      type = types.str;
      readOnly = true;
      default = import ../../version.nix;
      description = "The version of sysbuild that evaluates this configuration (written to the toplevel's `sysbuild-version`).";
    };
    stateVersion = mkOption {
      type = types.str;
      default = lib.trivial.release;
      example = "25.05";
      description = "The release whose defaults stateful data (databases, home directories) was first created with. Set it once, at installation, and leave it.";
    };
    label = mkOption {
      type = types.strMatching "[a-zA-Z0-9:_.-]+";
      default = "sysbuild-${config.system.sysbuildVersion}";
      defaultText = lib.literalExpression ''"sysbuild-''${config.system.sysbuildVersion}"'';
      example = "25.11-web";
      description = "The label of this generation, shown in the boot menu. Letters, digits and `:_.-` only.";
    };
  };
}
