# Checks that after disabledModules the modules are those the walk without the disabled ones
# reaches: a module with an explicit key imported by two modules (no `_file' of its own) takes
# its file from the importer that is kept, and so does what it imports.
lib:
let
  args = { inherit lib; config = { }; options = { }; specialArgs = { }; _class = null; };
  shared = { key = "shared"; imports = [ { } ]; };
  modules = [
    { _file = "p1.nix"; key = "p1"; imports = [ shared ]; }
    { _file = "p2.nix"; imports = [ shared ]; }
    { disabledModules = [ "p1" ]; }
  ];
in
{
  modules = [ ];
  expr = config: map (m: { inherit (m) key file; }) (lib.collectModules args modules);
}
