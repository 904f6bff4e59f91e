# Entries of one submodule type whose option declarations are one set shared by all entries (as
# the OS modules write them): the merged declarations are made once and reused by every entry
# (Declarations.Shared), with each entry's own values, locations and definition sites; a group
# of options, a name-dependent default (through config) and an entry that sets a value of the
# wrong type keep their own behaviour.
lib:
let
  inherit (lib) mkOption types;
  shared = {
    port = mkOption { type = types.port; default = 80; };
    tags = mkOption { type = types.listOf types.str; default = [ ]; };
    nested.depth = mkOption { type = types.int; default = 1; };
    label = mkOption { type = types.str; };
  };
  entry = { name, ... }: { options = shared; config.label = lib.mkDefault "svc-${name}"; };
in
{
  modules = [
    ({ options, ... }: {
      options.svc = mkOption { type = types.attrsOf (types.submodule entry); default = { }; };
      options.seen = mkOption { type = types.raw; };
      config.svc.a = { port = 8080; tags = [ "x" ]; };
      config.svc.b = { nested.depth = 3; label = "bee"; };
      config.svc.c = { };
      config.seen = {
        aPortLoc = options.svc.type.getSubOptions [ "svc" "a" ] ? port;
      };
    })
    { svc.a.tags = [ "y" ]; }
  ];
  expr = config: [
    config.svc
    (map (n: config.svc.${n}.label) (builtins.attrNames config.svc))
    config.seen
    (builtins.tryEval (config.svc.c.port + 1))
  ];
}
