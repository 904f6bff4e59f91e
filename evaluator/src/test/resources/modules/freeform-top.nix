# Checks: a freeformType at the top of evalModules takes every undeclared definition
# (merged with the type, mkIf and priorities included), while declared options keep theirs.
lib:
let inherit (lib) mkOption types mkIf mkDefault; in
{
  modules = [
    {
      freeformType = types.attrsOf (types.either types.int types.str);
      options.declared = mkOption { type = types.int; default = 1; };
    }
    { free = "x"; other = mkDefault 3; hidden = mkIf false 4; }
    { other = 5; declared = 2; }
  ];
  expr = config: config;
}
