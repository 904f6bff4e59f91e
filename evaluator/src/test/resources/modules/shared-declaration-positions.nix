# One option value declared in two submodule types' option sets, at different lines: each
# type's entries see their own declaration position (the shared merged declaration of
# Declarations.Shared is only reused within one set).
lib:
let
  inherit (lib) mkOption types;
  port = mkOption { type = types.port; default = 80; };
  record = { options, ... }: {
    options.line = mkOption { type = types.int; };
    config.line = (builtins.head options.port.declarationPositions).line;
  };
  first = { options = {
    port = port;
  }; imports = [ record ]; };
  second = { options = { extra = mkOption { default = 1; };

    port = port;
  }; imports = [ record ]; };
in
{
  modules = [
    {
      options.a = mkOption { type = types.attrsOf (types.submodule first); };
      options.b = mkOption { type = types.attrsOf (types.submodule second); };
      config.a = { x = { }; y = { }; };
      config.b = { x = { }; y = { }; };
    }
  ];
  expr = config: map (e: e.line) [ config.a.x config.a.y config.b.x config.b.y ];
}
