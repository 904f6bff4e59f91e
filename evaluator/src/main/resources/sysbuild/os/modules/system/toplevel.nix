# `system.build.toplevel`: the generation, one `builtin:sysbuild-tree` derivation with the
# layout of docs/toplevel-format.md (etc/ tree, etc.json, users.json, units.json, boot.json,
# packages.json, sw, kernel, initrd, init, system, sysbuild-version). Building it first checks
# `assertions` and prints `warnings`.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  inherit (builtins) toJSON map sort;

  out = builtins.placeholder "out";
  json = v: toJSON v + "\n";
  file = path: text: { inherit path text; };
  link = path: target: { inherit path; symlink = "${target}"; };

  # Everything in sw: the system packages and the Debian packages they depend on.
  packages = lib.unique (sort (a: b: a < b) (map (p: "${p}") config.system.build.packages));
  etc = config.system.etc.entries;
  kernel = config.boot.kernel.image;
  initrd = config.boot.initrd.image;
  loader = config.boot.loader;

  boot = {
    version = 1;
    inherit (config.system) label;
    kernel = if kernel == null then null else "${kernel}";
    initrd = if initrd == null then null else "${initrd}";
    kernelVersion = config.boot.kernel.version;
    inherit (config.boot) kernelParams;
    # The builder replaces the placeholder with the output path, as Nix does with a
    # derivation's environment, so this is T/init.
    init = "${out}/init";
    loader = {
      type = if loader.grub.enable then "grub" else "systemd-boot";
      inherit (loader) timeout configurationLimit;
    };
  };

  # What the boot entry's init= runs: this generation's activation, then systemd as PID 1.
  # The generation is the directory init is in: the generation link the boot entry names
  # (kept as given, so activation sees the link) or T itself.
  init = ''
    #!/bin/sh
    # init of a sysbuild generation: activate it, then start systemd.
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    export PATH
    systemConfig=$(dirname "$0")
    echo "sysbuild: activating $systemConfig"
    ${config.boot.init.activate} "$systemConfig" || echo "sysbuild: activation of $systemConfig failed; starting systemd anyway" >&2
    exec ${config.boot.init.systemd} "$@"
  '';

  entries =
    map (e: link "etc/${e.target}" e.source) etc
    ++ [
      (file "etc.json" (json { version = 1; entries = etc; }))
      (file "users.json" (json ({ version = 1; } // config.users.records)))
      (file "units.json" (json { version = 1; units = config.systemd.unitFlags; }))
      (file "boot.json" (json boot))
      (file "packages.json" (json packages))
      (link "sw" config.system.build.path)
      ({ path = "init"; text = init; executable = true; })
      (file "system" "${pkgs.system}\n")
      (file "sysbuild-version" "${config.system.sysbuildVersion}\n")
    ]
    ++ lib.optional (kernel != null) (link "kernel" kernel)
    ++ lib.optional (initrd != null) (link "initrd" initrd);

  toplevel = pkgs.makeTree {
    name = "sysbuild-system-${config.networking.hostName}";
    inherit entries;
    passthru = { inherit (config.system) label; };
  };
in
{
  options.system.build = mkOption {
    type = types.lazyAttrsOf types.unspecified;
    default = { };
    description = "What building the system makes: `toplevel` (the generation), `path` (sw), `units`, and `secrets` (password hashes by the hex of their sha256, written outside the store).";
  };

  config.system.build.toplevel =
    lib.checkAssertWarn config.assertions config.warnings toplevel;
}
