# Checks: mkOrder inside attrsOf lines, mkForce on a whole set pushed down to each attribute,
# mkOverride inside mkIf, mkMerge of overrides, and highestPrio/definitions of the option.
lib:
let inherit (lib) mkOption types mkIf mkForce mkDefault mkBefore mkAfter mkMerge mkOverride; in
{
  modules = [
    ({ options, ... }: {
      options.scripts = mkOption { type = types.attrsOf types.lines; default = { }; };
      options.net = {
        a = mkOption { type = types.int; default = 0; };
        b = mkOption { type = types.int; default = 0; };
      };
      options.n = mkOption { type = types.int; default = 0; };
      options.report = mkOption { type = types.attrs; };
      config.report = { inherit (options.n) highestPrio definitions; };
    })
    { scripts.start = mkAfter "exec app"; scripts.stop = "kill app"; }
    { scripts.start = mkBefore "set -eu"; }
    { scripts.start = "cd /srv"; }
    { net = mkForce { a = 1; }; }
    { net = { a = 2; b = 3; }; }
    { config = mkIf true (mkMerge [ { n = mkOverride 20 7; } { n = mkForce 8; } ]); }
    { n = mkIf true (mkOverride 20 7); }
  ];
  expr = config: { inherit (config) scripts net n report; };
}
