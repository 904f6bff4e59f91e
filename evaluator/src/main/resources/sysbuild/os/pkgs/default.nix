# The package set of the bundled OS modules (`pkgs` in every module). There are no compilers
# here, so every package is built by a built-in builder: `builtin:sysbuild-tree` writes text
# files, scripts and symlinks from a JSON manifest, `builtin:buildenv` unions packages (see
# docs/toplevel-format.md). Derivation names follow nixpkgs ("hello-2.12").
{ lib, system, debianPackageSet ? null }:
let
  builders = import ./builders.nix { inherit lib system; };
  demo = import ./demo.nix { inherit lib builders; };
in
builders // demo // {
  inherit lib system;
  # Debian binary packages from the configuration's package set (packages.debian.packageSet).
  debian = import ./debian.nix { inherit lib builders; packageSet = debianPackageSet; };
  # So that `pkgs.stdenv.hostPlatform.system` style reads, common in modules, work.
  stdenv = { inherit system; hostPlatform = { inherit system; }; };
}
