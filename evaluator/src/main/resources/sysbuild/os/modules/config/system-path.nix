# The system's packages: their union, with everything they depend on, is the toplevel's `sw`
# (/run/current-system/sw; activation also points /usr into it), and their store paths are
# listed in packages.json. Debian packages (pkgs.debian.NAME, pkgs.fetchDeb) bring their
# dependency closure; docs/packages.md.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  cfg = config.environment;

  # Each item remembers how it was reached, so a dependency the package set cannot satisfy is
  # reported with the chain that needs it.
  item = chain: p: { key = p.outPath; pkg = p; chain = chain ++ [ (p.pname or p.name) ]; };
  closure = map (x: x.pkg) (builtins.genericClosure {
    startSet = map (item [ ]) cfg.systemPackages;
    operator = x:
      let missing = x.pkg.missing or [ ]; in
      if missing != [ ] then
        throw "nothing in the Debian package set (packages.debian.packageSet) satisfies '${builtins.head missing}', needed by ${lib.concatStringsSep " -> " x.chain}; make the set from an index that has it (sysbuild debian index), or leave out the package that needs it"
      else map (item x.chain) (builtins.filter lib.isDerivation (x.pkg.depends or [ ]));
  });

  # /bin/sh: a link in a small package of its own that wins over any other `sh` (dash ships one).
  binsh = cfg.binsh;
  binshLink = pkgs.makeTree {
    name = "binsh";
    entries = [ { path = "usr/bin/sh"; symlink = if binsh.isDebian or false then binsh.shellPath else "${binsh}${binsh.shellPath}"; } ];
    meta.priority = 4;
  };
  firstShell = lib.findFirst (n: pkgs.debian ? ${n}) null [ "dash" "busybox-static" "busybox" "bash" ];
in
{
  options.environment.systemPackages = mkOption {
    type = types.listOf types.package;
    default = [ ];
    example = lib.literalExpression "[ pkgs.hello pkgs.debian.coreutils ]";
    description = "Packages installed system-wide, in /run/current-system/sw (and, for Debian packages, /usr). A Debian package brings its dependencies.";
  };

  options.environment.binsh = mkOption {
    type = types.nullOr types.shellPackage;
    default = if firstShell == null then null else pkgs.debian.${firstShell};
    defaultText = lib.literalMD "the first of dash, busybox-static, busybox, bash in pkgs.debian, else null";
    example = lib.literalExpression "pkgs.debian.bash";
    description = "The shell that is /bin/sh (the link /usr/bin/sh in sw); it is installed. `null`: no /bin/sh from sysbuild.";
  };

  options.packages.debian.packageSet = mkOption {
    type = types.nullOr (types.either types.path types.attrs);
    default = null;
    example = lib.literalExpression "./pkgs/debian.conf";
    description = "The Debian package set `pkgs.debian` is made from: a file written by `sysbuild debian index` (or the same data as an attribute set). Pinned in the configuration's repository it is the lock file: same file, same packages. `null`: `pkgs.debian` is empty.";
  };


  config.environment.systemPackages = lib.optional (binsh != null) binsh;

  config.system.build.packages = closure ++ lib.optional (binsh != null) binshLink;

  config.system.build.path = pkgs.buildEnv {
    name = "system-path";
    paths = config.system.build.packages;
  };
}
