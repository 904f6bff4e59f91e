# The time zone: /etc/timezone names it and /etc/localtime links to its zoneinfo file: the
# one of the installed Debian `tzdata` package when there is one (a store path, so the
# generation pins it), else /usr/share/zoneinfo/ZONE on the host (as NixOS points it at
# /etc/zoneinfo), not into the store.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  tz = config.time.timeZone;
  tzdata = lib.findFirst (p: (p.isDebian or false) && (p.pname or "") == "tzdata") null config.system.build.packages;
in
{
  options.time.timeZone = mkOption {
    type = types.strMatching "[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*";
    default = "UTC";
    example = "Europe/Berlin";
    description = "The time zone, as a name in the tz database (e.g. `America/New_York`). /etc/localtime links to ZONE in the zoneinfo of the installed Debian `tzdata` package, or without one to /usr/share/zoneinfo/ZONE.";
  };

  config.environment.etc = {
    timezone.text = "${tz}\n";
    localtime.source =
      if tzdata == null then "/usr/share/zoneinfo/${tz}" else "${tzdata}/usr/share/zoneinfo/${tz}";
  };
}
