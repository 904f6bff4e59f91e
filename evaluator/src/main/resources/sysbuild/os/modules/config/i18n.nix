# The locale: /etc/locale.conf (read by systemd and login shells).
{ config, lib, ... }:
let
  inherit (lib) mkOption types concatStrings mapAttrsToList;
  cfg = config.i18n;
in
{
  options.i18n = {
    defaultLocale = mkOption {
      type = types.strMatching "[A-Za-z0-9_.@-]+";
      default = "C.UTF-8";
      example = "en_US.UTF-8";
      description = "The default locale (LANG). `C.UTF-8` needs no generated locale data.";
    };
    extraLocaleSettings = mkOption {
      type = types.attrsOf types.str;
      default = { };
      example = { LC_TIME = "de_DE.UTF-8"; };
      description = "Further locale variables (LC_*) for /etc/locale.conf.";
    };
  };

  config.environment.etc."locale.conf".text =
    "LANG=${cfg.defaultLocale}\n" + concatStrings (mapAttrsToList (n: v: "${n}=${v}\n") cfg.extraLocaleSettings);
}
