# Checks what collectModules gives for each module, called directly: the keys (`:anon-N', nested
# `:anon-N:anon-M', paths, an explicit `key', one reached through a module with its own key), the
# files (`_file' as a string and as a path, inherited by inline imports), the breadth-first order,
# `require' appended to `imports', a freeformType at the top (config becomes mkMerge), and that
# `config' and `options' of a module and the arguments a module function does not use stay
# unevaluated.
lib:
let
  args = { inherit lib; config = { }; options = { }; specialArgs = { }; _class = null; };
  modules = [
    { _file = "first.nix"; imports = [ { log = 1; } { key = "explicit"; imports = [ { } ]; } ]; }
    ({ unused, ... }: { _file = ./include/collect/b.nix; config = throw "config stays lazy"; options = throw "options too"; })
    ./include/collect/b.nix
    { imports = [ ./include/collect/b.nix ]; require = [ { key = "required"; } ]; }
    { freeformType = lib.types.attrsOf lib.types.int; other = 1; }
  ];
  # Paths relative to this folder, so that the expected value does not depend on where it is.
  rel = lib.strings.removePrefix (toString ./. + "/");
  show = m: {
    inherit (m) disabledModules;
    key = rel m.key;
    file = rel m.file;
    imports = builtins.length m.imports;
    config =
      if m.key != ":anon-5" then "lazy"
      else {
        inherit (m.config) _type;
        freeformType = (builtins.head m.config.contents)._module.freeformType.description;
        rest = builtins.elemAt m.config.contents 1;
      };
  };
in
{
  modules = [ ];
  expr = config: map show (lib.collectModules args modules);
}
