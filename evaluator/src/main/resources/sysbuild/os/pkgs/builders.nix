# Builders that need no shell: trivial files and scripts (`builtin:sysbuild-tree`) and the
# union of packages (`builtin:buildenv`). Their arguments follow nixpkgs' trivial builders.
{ lib, system }:
let
  inherit (builtins) toJSON concatStringsSep listToAttrs filter;

  # A derivation whose output is written from `entries` (see docs/toplevel-format.md): each
  # { path; text; executable? } | { path; symlink; } | { path; directory = true; }.
  # `meta` and `passthru` are attributes of the value, not of the derivation's environment.
  makeTree = { name, entries, meta ? { }, passthru ? { } }:
    derivation {
      inherit name system;
      builder = "builtin:sysbuild-tree";
      manifest = toJSON { inherit entries; };
    } // { inherit meta; } // passthru;

  writeTextFile = { name, text, executable ? false, destination ? "", meta ? { }, passthru ? { } }:
    let path = lib.removePrefix "/" destination; in
    if builtins.match "(.*/)?\\.\\.(/.*)?" path != null
    then throw "writeTextFile ${name}: destination `${destination}' must not contain `..'."
    else makeTree {
      inherit name meta passthru;
      entries = [ ({ inherit path text; } // lib.optionalAttrs executable { executable = true; }) ];
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
      priorities = listToAttrs (map (p: { name = "${p}"; value = p.meta.priority; }) withPriority);
    in
    derivation ({
      inherit name system;
      builder = "builtin:buildenv";
      paths = concatStringsSep " " (map (p: "${p}") paths);
    } // lib.optionalAttrs (withPriority != [ ]) { priorities = toJSON priorities; }
      // lib.optionalAttrs ignoreCollisions { ignoreCollisions = "1"; })
    // { inherit meta; } // passthru;
  symlinkJoin = args: buildEnv (removeAttrs args [ "postBuild" ]);
}
