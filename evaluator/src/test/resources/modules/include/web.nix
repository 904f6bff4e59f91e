# A service module in its own file, for the cases that need definitions with a file name.
{ config, lib, ... }:
let cfg = config.services.web; in
{
  options.services.web = {
    enable = lib.mkEnableOption "the web server";
    port = lib.mkOption { type = lib.types.port; default = 80; description = "Port to listen on."; };
  };
  config = lib.mkIf cfg.enable {
    log = [ "web on ${toString cfg.port}" ];
  };
}
