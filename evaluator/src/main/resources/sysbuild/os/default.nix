# The entry point of the OS modules: `import <sysbuild/os> { configuration = ./system.conf; }`.
#
# `configuration` is a module (a path, a function of { config, lib, pkgs, ... }, or an
# attribute set); it is evaluated together with every bundled module (modules/module-list.nix)
# by the same `lib.evalModules` users get from <sysbuild/lib>.
{ configuration, system ? builtins.currentSystem, specialArgs ? { } }:
let
  lib = import ../lib;
  # pkgs.debian reads the configuration's package set; it is lazy, so a module may use pkgs
  # freely as long as that option does not depend on pkgs.debian itself.
  pkgs = import ./pkgs { inherit lib system; debianPackageSet = eval.config.packages.debian.packageSet; };
  eval = lib.evalModules {
    # The bundled modules first, then the configuration, as NixOS lists baseModules before the
    # user's: definitions merge in that order (lists, `lines`), and collecting the bundled
    # modules overlaps the parse of a large configuration on the other core.
    modules = import ./modules/module-list.nix ++ [ configuration ];
    # pkgs is a special argument (not _module.args), so modules may use it in `imports`
    # and reading it never goes through config.
    specialArgs = { inherit pkgs; modulesPath = ./modules; } // specialArgs;
  };
in
{
  inherit (eval) config options;
  inherit pkgs lib;
  toplevel = eval.config.system.build.toplevel;
}
