# Checks the collection of modules (collectModules): module functions with and without `...` and
# with a plain argument, an argument from _module.args, one with a default (which is never
# used: the arguments come from specialArgs and _module.args), nested imports of files and of
# inline modules, the same file imported twice (once), a module in the short form next to ones
# with `config', and the definitions of `log' in their merge order.
lib:
let inherit (lib) mkOption types; in
{
  modules = [
    { options.log = mkOption { type = types.listOf types.str; default = [ ]; }; }
    ({ config, ... }: { config._module.args.tag = "tagged"; config.log = [ "root function" ]; })
    (args: { log = [ "plain argument: ${builtins.concatStringsSep "," (builtins.attrNames args)}" ]; })
    ({ tag ? "default", ... }: { log = [ "tag ${tag}" ]; })
    { imports = [ ./include/collect/a.nix ./include/collect/no-ellipsis.nix ]; }
    { imports = [ { imports = [ ./include/collect/b.nix { log = [ "deep inline" ]; } ]; } ]; }
  ];
  expr = config: config.log;
}
