# What options.NAME holds besides the value (the module system's Java fast paths build it): the
# best priority, the definitions kept and where they are, its string form; with mkForce,
# mkBefore, an mkIf that is off, a default and an apply.
lib:
{
  modules = [
    { options.a = lib.mkOption { type = lib.types.listOf lib.types.int; default = [ 1 ]; apply = x: x ++ [ 9 ]; }; }
    { a = lib.mkForce [ 2 ]; }
    { a = [ 3 ]; }
    { a = lib.mkForce (lib.mkBefore [ 0 ]); }
    { options.b = lib.mkOption { type = lib.types.lines; default = "d"; }; }
    { b = lib.mkMerge [ "x" (lib.mkIf false "y") (lib.mkAfter "z") (lib.mkBefore "w") ]; }
    ({ options, ... }: {
      options.seen = lib.mkOption { type = lib.types.raw; };
      config.seen = {
        a = {
          inherit (options.a) highestPrio isDefined definitions;
          shown = "${options.a}";
          withLocations = map (d: d.value) options.a.definitionsWithLocations;
          lines = map (p: p.line) options.a.definitionPositions;
        };
        b = { inherit (options.b) highestPrio definitions; lines = map (p: p.line) options.b.definitionPositions; };
      };
    })
  ];
  expr = config: [ config.a config.b config.seen ];
}
