# The host name and the static host table: /etc/hostname and /etc/hosts.
{ config, lib, ... }:
let
  inherit (lib) mkOption types concatStringsSep mapAttrsToList;
  cfg = config.networking;
  hostsLine = ip: names: "${ip} ${concatStringsSep " " names}\n";
in
{
  options.networking = {
    hostName = mkOption {
      type = types.strMatching "[[:alnum:]]([[:alnum:]_-]{0,61}[[:alnum:]])?";
      default = "sysbuild";
      example = "web1";
      description = "The name of this machine (a single DNS label: letters, digits, `-` and `_`, at most 63 characters). Written to /etc/hostname.";
    };
    hosts = mkOption {
      type = types.attrsOf (types.listOf types.str);
      default = { };
      example = { "192.168.0.2" = [ "fileserver.local" "nameserver.local" ]; };
      description = "Static host names by IP address, for /etc/hosts (after the localhost lines).";
    };
    extraHosts = mkOption {
      type = types.lines;
      default = "";
      example = "192.168.0.1 lanlocalhost";
      description = "Lines appended to /etc/hosts as they are.";
    };
  };

  config.environment.etc = {
    hostname.text = "${cfg.hostName}\n";
    hosts.text =
      "127.0.0.1 localhost\n"
      + "::1 localhost ip6-localhost ip6-loopback\n"
      + "127.0.1.1 ${cfg.hostName}\n"
      + concatStringsSep "" (mapAttrsToList hostsLine cfg.hosts)
      + lib.optionalString (cfg.extraHosts != "") "${cfg.extraHosts}\n";
  };
}
