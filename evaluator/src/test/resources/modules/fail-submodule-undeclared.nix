# Must fail: an undeclared option inside an attrsOf submodule entry; the path includes the
# attribute name.
lib:
let inherit (lib) mkOption types; in
{
  modules = [
    { options.users = mkOption { type = types.attrsOf (types.submodule { options.shell = mkOption { type = types.str; default = "sh"; }; }); }; }
    { users.alice.shel = "zsh"; }
  ];
  expr = config: config.users.alice;
}
