# Checks: module arguments from _module.args (also set by a module function), lib, and
# extendModules (another evaluation with more modules), plus `options.X.files`/`declarations`.
lib:
let inherit (lib) mkOption types; in
{
  modules = [
    ({ config, ... }: { _module.args.greeting = "hello ${config.who}"; })
    { options.who = mkOption { type = types.str; default = "world"; }; }
    ({ greeting, ... }: { options.message = mkOption { type = types.str; default = greeting; }; })
    ({ extendModules, ... }: {
      options.other = mkOption { type = types.str; default = (extendModules { modules = [ { who = "moon"; } ]; }).config.message; };
    })
  ];
  expr = config: { inherit (config) message other; };
}
