# Builders that need no shell: trivial files and scripts (`builtin:sysbuild-tree`) and the
# union of packages (`builtin:buildenv`). Their arguments follow nixpkgs' trivial builders.
{ lib, system }:
let
  inherit (builtins) toJSON concatStringsSep filter replaceStrings match elemAt;

  # A derivation whose output is written from `entries` (see docs/toplevel-format.md): each
  # { path; text; executable? } | { path; symlink; } | { path; directory = true; }.
  # `meta` and `passthru` are attributes of the value, not of the derivation's environment.
  makeTree = { name, entries, meta ? { }, passthru ? { } }:
    derivation {
      inherit name system;
      builder = "builtin:sysbuild-tree";
      manifest = toJSON { inherit entries; };
    } // ({ inherit meta; } // passthru); # one copy of the derivation's attributes, not two

  writeTextFile = { name, text, executable ? false, destination ? "", meta ? { }, passthru ? { } }:
    # The usual call has no destination: then there is no path to check (a system makes thousands).
    let path = if destination == "" then "" else lib.removePrefix "/" destination; in
    if destination != "" && builtins.match "(.*/)?\\.\\.(/.*)?" path != null
    then throw "writeTextFile ${name}: destination `${destination}' must not contain `..'."
    else makeTree {
      inherit name meta passthru;
      entries = [ (if executable then { inherit path text; executable = true; } else { inherit path text; }) ];
    };

  # /bin/sh, not a store shell: there is no shell package (yet), and every host has one.
  shebang = "#!/bin/sh\n";
in
rec {
  inherit makeTree writeTextFile;

  writeText = name: text: writeTextFile { inherit name text; };
  writeTextDir = path: text: writeTextFile { name = baseNameOf path; inherit text; destination = "/${path}"; };
  writeScript = name: text: writeTextFile { inherit name text; executable = true; };
  writeScriptBin = name: text: writeTextFile { inherit name text; executable = true; destination = "/bin/${name}"; };
  writeShellScript = name: text: writeScript name (shebang + text);
  writeShellScriptBin = name: text: writeScriptBin name (shebang + text);

  # A directory of links: [ { name = "rel/path"; path = target; } ] or { "rel/path" = target; }.
  linkFarm = name: links:
    let list = if builtins.isList links then links else lib.mapAttrsToList (n: p: { name = n; path = p; }) links; in
    makeTree { inherit name; entries = map (l: { path = l.name; symlink = "${l.path}"; }) list; };

  # The union of packages: every file of every package, as links, in one tree.
  # `priorities` (from each package's meta.priority, lower wins as in nixpkgs) settles
  # collisions; the builder reads env `paths` (space-separated) and `priorities` (JSON).
  buildEnv = { name, paths, meta ? { }, passthru ? { }, ignoreCollisions ? false, pathsToLink ? [ "/" ], extraOutputsToInstall ? [ ] }:
    let
      withPriority = filter (p: (p.meta or { }) ? priority) paths;
    in
    derivation ({
      inherit name system;
      builder = "builtin:buildenv";
    } // (if withPriority == [ ] then { paths = concatStringsSep " " (map (p: "${p}") paths); }
      # The builder reads priorities from `pkgs` (JSON), as Nix's buildenv does.
      else { pkgs = toJSON (map (p: { paths = [ "${p}" ]; priority = (p.meta or { }).priority or 5; }) paths); })
      // lib.optionalAttrs ignoreCollisions { ignoreCollisions = "1"; })
    // { inherit meta; } // passthru;
  symlinkJoin = args: buildEnv (removeAttrs args [ "postBuild" ]);

  # A fixed-output download (`builtin:fetchurl`): file://, http(s)://; the scheduler checks the
  # result against sha256 (hex, nix-base32 or SRI) before anything is registered.
  fetchurl = { url, sha256, name ? storeName (baseNameOf url), executable ? false }:
    derivation ({
      inherit name url system;
      builder = "builtin:fetchurl";
      outputHashMode = "flat";
      outputHashAlgo = "sha256";
      outputHash = sha256;
    } // lib.optionalAttrs executable { executable = "1"; });

  # A Debian binary package as a store path (docs/packages.md): the .deb fetched as a fixed
  # output, then unpacked by `builtin:unpack-deb` (data tree with the merged /usr, control
  # fields in nix-support/). `depends` are other package values (installing this one brings
  # them, see system-path.nix); `missing` are Depends clauses the package set cannot satisfy.
  fetchDeb = { url ? null, path ? null, sha256, name ? null, pname ? null, version ? null
             , depends ? [ ], provides ? [ ], missing ? [ ], meta ? { } }:
    let
      src =
        if (url == null) == (path == null) then throw "fetchDeb: give exactly one of `url` and `path`"
        else if url != null then url
        else "file://${replaceStrings [ "%" " " ] [ "%25" "%20" ] (toString path)}";
      # The file name as apt-get download writes it ("%3a" for an epoch's colon), unescaped.
      file = replaceStrings [ "%253a" "%253A" "%3a" "%3A" "%20" "%25" ] [ ":" ":" ":" ":" " " "%" ] (baseNameOf src);
      # pool/main/h/hello/hello_2.10-3_amd64.deb: NAME_VERSION_ARCH.deb
      parts = match "([^_]+)_([^_]+)_[^_]+\\.deb" file;
      pname' = if pname != null then pname else if parts != null then elemAt parts 0 else lib.removeSuffix ".deb" file;
      version' = if version != null then version else if parts != null then elemAt parts 1 else "";
      deb = fetchurl { url = src; inherit sha256; name = storeName file; };
    in
    derivation {
      name = storeName (if name != null then name else if version' == "" then pname' else "${pname'}-${version'}");
      inherit system;
      builder = "builtin:unpack-deb";
      src = deb;
    } // {
      pname = pname';
      version = version';
      inherit depends provides missing meta deb;
      isDebian = true;
    };

  # Store path names allow [A-Za-z0-9+._?=-]; Debian versions also use ':' (epochs) and '~'.
  storeName = s: replaceStrings [ ":" "~" "%" " " ] [ "-" "-" "-" "-" ] s;
}
