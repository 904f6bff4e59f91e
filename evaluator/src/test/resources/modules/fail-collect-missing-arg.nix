# Must fail: a module function reads an argument that neither specialArgs nor _module.args gives.
lib:
{
  modules = [
    { options.v = lib.mkOption { type = lib.types.int; default = 0; }; }
    ({ pkgs, ... }: { v = pkgs.one; })
  ];
  expr = config: config.v;
}
