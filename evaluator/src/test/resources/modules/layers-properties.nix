# Checks the definition layers of modules whose config is a plain set, an mkMerge (nested, with
# an mkIf and an mkForce among its parts), an mkIf or an mkOverride at the top, and definitions
# of a group of options as a plain set, an mkIf and an mkMerge: their values, priorities and
# merge order.
lib:
let inherit (lib) mkOption types mkMerge mkIf mkForce mkDefault mkOverride; in
{
  modules = [
    {
      options.log = mkOption { type = types.listOf types.str; default = [ ]; };
      options.g.a = mkOption { type = types.int; default = 0; };
      options.g.b = mkOption { type = types.listOf types.int; default = [ ]; };
      options.n = mkOption { type = types.int; default = 0; };
    }
    { config = mkMerge [ { log = [ "merge 1" ]; } (mkMerge [ { log = [ "nested" ]; } (mkIf false { log = [ "off" ]; }) ]) (mkIf true { log = [ "if on" ]; }) ]; }
    { config = mkIf true { log = [ "top if" ]; g.b = [ 1 ]; }; }
    { config = mkOverride 90 { n = 3; }; }
    { n = mkDefault 1; log = [ "short" ]; g = { a = 5; b = [ 2 ]; }; }
    { g = mkIf true { b = [ 3 ]; }; }
    { g = mkMerge [ { b = [ 4 ]; } (mkIf false { a = 6; }) ]; }
  ];
  expr = config: { inherit (config) log g n; };
}
