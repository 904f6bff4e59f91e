# The time zone: /etc/timezone names it and /etc/localtime links to its zoneinfo file.
# There is no tzdata package yet, so /etc/localtime points at the host's
# /usr/share/zoneinfo/ZONE (as NixOS points it at /etc/zoneinfo), not into the store.
{ config, lib, ... }:
let
  inherit (lib) mkOption types;
  tz = config.time.timeZone;
in
{
  options.time.timeZone = mkOption {
    type = types.strMatching "[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*";
    default = "UTC";
    example = "Europe/Berlin";
    description = "The time zone, as a name in the tz database (e.g. `America/New_York`). /etc/localtime links to /usr/share/zoneinfo/ZONE.";
  };

  config.environment.etc = {
    timezone.text = "${tz}\n";
    localtime.source = "/usr/share/zoneinfo/${tz}";
  };
}
