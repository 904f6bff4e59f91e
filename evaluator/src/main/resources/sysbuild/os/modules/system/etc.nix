# `environment.etc`: the files a generation manages under /etc. Each becomes a symlink in the
# toplevel's etc/ tree and an entry of etc.json (docs/toplevel-format.md); activation links
# (mode "symlink") or copies (an octal mode) it into /etc.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkDefault mkIf types;
  inherit (builtins) filter attrValues map match listToAttrs;

  etcFile = { name, config, ... }: {
    options = {
      enable = mkOption {
        type = types.bool;
        default = true;
        description = "Whether this /etc file is generated.";
      };
      target = mkOption {
        type = types.str;
        default = name;
        defaultText = lib.literalExpression "<name>";
        description = "Where the file goes, relative to /etc.";
      };
      text = mkOption {
        type = types.nullOr types.lines;
        default = null;
        description = "The contents of the file (instead of `source`).";
      };
      source = mkOption {
        type = types.path;
        description = "Where the file comes from: a store path, a file of the configuration (copied to the store), or an absolute path the link points at.";
      };
      mode = mkOption {
        type = types.strMatching "symlink|0?[0-7]{3,4}";
        default = "symlink";
        example = "0600";
        description = "`symlink`: /etc/TARGET links into the generation. An octal mode: the file is copied, with this mode, `user` and `group`.";
      };
      user = mkOption {
        type = types.str;
        default = "root";
        description = "Owner of a copied file (a name or a decimal id).";
      };
      group = mkOption {
        type = types.str;
        default = "root";
        description = "Group of a copied file (a name or a decimal id).";
      };
    };
    config.source = mkIf (config.text != null) (mkDefault (pkgs.writeText "etc-${baseNameOf name}" config.text));
  };

  enabled = filter (f: f.enable) (attrValues config.environment.etc);
  fromOption = map (f: { inherit (f) target source mode user group; }) enabled;
  entries = fromOption ++ config.system.etc.generated;

  # Entries sorted by target, with the source as the string it will be in the files. Grouping by
  # target and reading the groups in name order is the stable sort by target, without a Nix
  # comparison call per pair (~50,000 for the 6,000 entries of a 2,000-service system).
  byTarget = builtins.groupBy (e: e.target)
    (map (e: { inherit (e) target mode user group; source = "${e.source}"; }) entries);
  sorted = lib.concatMap (t: byTarget.${t}) (builtins.attrNames byTarget);

  # Every proper parent directory of a target ("a/b/c" -> [ "a" "a/b" ]). Both run for each of
  # the thousands of entries of a large system, so they are a few builtin calls each.
  parents = t: let d = dirOf t; in if d == "." || d == "/" then [ ] else parents d ++ [ d ];
  # Absolute, empty, ending in `/`, or with a `.` or `..` component.
  badTarget = t: t == "" || match "/.*|.*/|(.*/)?\\.\\.?(/.*)?" t != null;
  accountFiles = [ "passwd" "group" "shadow" "gshadow" ];
in
{
  options = {
    environment.etc = mkOption {
      type = types.attrsOf ((import ../os-types.nix lib).submoduleIn ./etc.nix etcFile);
      default = { };
      example = lib.literalExpression ''
        { "motd".text = "Welcome!\n";
          "sudoers" = { text = "root ALL=(ALL) ALL\n"; mode = "0440"; }; }'';
      description = "Files in /etc, by name (relative to /etc).";
    };
    system.etc.generated = mkOption {
      type = (import ../os-types.nix lib).concatenatedList "list of /etc entries";
      internal = true;
      default = [ ];
      description = ''
        /etc entries made by modules without going through `environment.etc` (which costs a
        submodule per file): each `{ target; source; mode; user; group; }`. Unit files use it.'';
    };
    system.etc.entries = mkOption {
      # Not listOf: that merges each of thousands of entries on its own.
      type = (import ../os-types.nix lib).concatenatedList "list of attribute sets";
      internal = true;
      readOnly = true;
      description = "Every managed /etc entry, sorted by target, sources as strings (what etc.json holds).";
    };
  };

  config = {
    system.etc.entries = sorted;
    assertions =
      map (t: { assertion = false; message = "/etc/${t} is defined more than once (environment.etc, or a module's unit or config file); give each file one target."; })
        (builtins.attrNames (lib.filterAttrs (_: es: builtins.length es > 1) byTarget))
      ++ map (e: { assertion = false; message = "The /etc target `${e.target}' must be a relative path without `.' or `..' components."; })
        (filter (e: badTarget e.target) sorted)
      ++ map (e: { assertion = false; message = "/etc/${e.target} is written from users.users and users.groups; it cannot be an environment.etc entry."; })
        (filter (e: builtins.elem e.target accountFiles) sorted)
      ++ lib.concatMap (e:
        map (p: { assertion = false; message = "/etc/${e.target} is inside /etc/${p}, which is itself a managed file."; })
          (filter (p: byTarget ? ${p}) (parents e.target))) sorted;
  };
}
