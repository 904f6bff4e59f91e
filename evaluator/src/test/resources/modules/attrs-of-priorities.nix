# attrsOf merges each attribute on its own: mkIf false leaves it out, mkForce and mkDefault decide
# per attribute; every attribute keeps a position.
lib:
{
  modules = [
    { options.a = lib.mkOption { type = lib.types.attrsOf lib.types.int; }; }
    { a.x = 1; a.y = lib.mkIf false 2; }
    { a.z = lib.mkForce 3; a.x = lib.mkDefault 7; a.w = lib.mkMerge [ (lib.mkIf true 4) ]; }
  ];
  expr = config: [ config.a (builtins.unsafeGetAttrPos "x" config.a != null) ];
}
