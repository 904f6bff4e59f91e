# What the boot loader needs: the kernel and initrd images, the kernel command line and the
# loader settings. boot.json in the toplevel carries them; the boot-entries code (generations)
# writes the loader's files from it.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  cfg = config.boot;
in
{
  options.boot = {
    kernel.image = mkOption {
      type = types.nullOr types.path;
      default = null;
      example = lib.literalExpression "./vmlinuz";
      description = "The kernel image file (copied to the store). `null`: a system without a kernel of its own (e.g. a container).";
    };
    kernel.version = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "6.1.0";
      description = "The kernel's version, shown in boot entries.";
    };
    initrd.image = mkOption {
      type = types.nullOr types.path;
      default = null;
      example = lib.literalExpression "./initrd.img";
      description = "The initial ramdisk image file (copied to the store).";
    };
    kernelParams = mkOption {
      type = types.listOf (types.strMatching "[^[:space:]]+");
      default = [ ];
      example = [ "console=ttyS0" "quiet" ];
      description = "Parameters on the kernel command line (besides `init=`, which the boot entry adds).";
    };
    loader = {
      systemd-boot.enable = mkOption {
        type = types.bool;
        default = !cfg.loader.grub.enable;
        defaultText = lib.literalExpression "!config.boot.loader.grub.enable";
        description = "Whether boot entries are written for systemd-boot (BLS Type #1 files in /boot/loader/entries).";
      };
      grub.enable = mkOption {
        type = types.bool;
        default = false;
        description = "Whether boot entries are written for GRUB (/boot/grub/grub.cfg) instead of systemd-boot.";
      };
      timeout = mkOption {
        type = types.nullOr types.ints.unsigned;
        default = 5;
        description = "Seconds the boot menu waits before booting the default entry; `null` waits for a key.";
      };
      configurationLimit = mkOption {
        type = types.nullOr types.ints.positive;
        default = null;
        example = 10;
        description = "At most this many generations get boot entries (the newest); `null`: all of them.";
      };
    };
    init = {
      activate = mkOption {
        type = types.str;
        default = "sysbuild activate";
        description = "The command the generation's `init` runs (with the generation's path as its last argument) before starting systemd.";
      };
      systemd = mkOption {
        type = types.path;
        default = "/usr/lib/systemd/systemd";
        description = "The systemd binary the generation's `init` executes once activation is done.";
      };
    };
  };

  config.assertions = [
    {
      assertion = cfg.loader.systemd-boot.enable != cfg.loader.grub.enable;
      message = "Exactly one of boot.loader.systemd-boot.enable and boot.loader.grub.enable must be true.";
    }
    {
      assertion = (cfg.kernel.image == null) == (cfg.initrd.image == null);
      message = "boot.kernel.image and boot.initrd.image go together: set both or neither.";
    }
  ];
}
