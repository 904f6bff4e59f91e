# Checks: the names and descriptions of types, as options.X.type shows them (NixOS wording,
# with parentheses where a nested description would be ambiguous).
lib:
let
  inherit (lib) mkOption types;
  ts = {
    a = types.listOf types.port;
    b = types.attrsOf (types.submodule { });
    c = types.nullOr (types.listOf types.str);
    d = types.either types.int (types.enum [ "auto" "off" ]);
    e = types.listOf types.ints.positive;
    f = types.coercedTo types.int toString types.str;
    g = types.functionTo types.lines;
    h = types.ints.s8;
    i = types.strMatching "[a-z]+";
    j = types.uniq (types.lazyAttrsOf types.bool);
    k = types.either types.str (types.listOf types.str);
    l = types.submodule { freeformType = types.attrsOf types.str; };
    m = types.nonEmptyListOf types.path;
    n = types.either types.ints.unsigned types.str;
  };
in
{
  modules = [
    ({ options, ... }: {
      options = lib.mapAttrs (_: type: mkOption { inherit type; }) ts // {
        report = mkOption { type = types.attrs; };
      };
      config.report = lib.mapAttrs (n: _: "${options.${n}.type.name}: ${options.${n}.type.description}") ts;
    })
  ];
  expr = config: config.report;
}
