# `pkgs.debian`: one package value per entry of a package-set file (`sysbuild debian index`,
# chosen with the option `packages.debian.packageSet`). Each entry becomes
# `fetchDeb { url = baseUrl + "/" + filename; sha256; }` only when it is used, so a set of
# thousands of packages costs nothing for the ones not installed. docs/packages.md.
{ lib, builders, packageSet }:
let
  set =
    if packageSet == null then { baseUrl = "/"; packages = { }; }
    else if builtins.isAttrs packageSet then packageSet
    else import packageSet;

  # A URL, or a local directory of .deb files: an absolute path or a path literal (relative
  # to the package-set file), read in place, never copied into the store.
  base = toString set.baseUrl;
  baseUrl =
    if lib.hasInfix "://" base then lib.removeSuffix "/" base
    else if lib.hasPrefix "/" base then "file://${lib.removeSuffix "/" base}"
    else throw "the package set's baseUrl '${base}' is neither a URL nor an absolute path; write a path literal (./debs) for a directory beside the set";

  # Where the program of a package that is a login shell is (users.users.<name>.shell = pkgs.debian.dash).
  shellPaths = { dash = "/usr/bin/dash"; bash = "/usr/bin/bash"; busybox = "/usr/bin/busybox";
                 busybox-static = "/usr/bin/busybox"; zsh = "/usr/bin/zsh"; mksh = "/usr/bin/mksh"; };

  package = name: e: builders.fetchDeb {
    # A file name from a directory filled by apt-get download holds "%3a" for an epoch's colon.
    url = "${baseUrl}/${builtins.replaceStrings [ "%" " " ] [ "%25" "%20" ] e.filename}";
    inherit (e) sha256 version;
    pname = name;
    depends = map (d: self.${d} or (throw "the package set names '${d}' as a dependency of '${name}' but has no such package")) e.depends;
    provides = e.provides or [ ];
    missing = e.missing or [ ];
  } // lib.optionalAttrs (shellPaths ? ${name}) { shellPath = shellPaths.${name}; };

  self = lib.mapAttrs package set.packages;
in
self
