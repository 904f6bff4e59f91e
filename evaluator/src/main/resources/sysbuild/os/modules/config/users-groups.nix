# Users and groups. Nothing here touches /etc/passwd: the toplevel's users.json lists the
# accounts and activation writes passwd, group, shadow and gshadow from it. Ids left unset
# are chosen at activation from the id ledger, never here. A password hash never enters the
# store: users.json holds "sha256:<hex of the hash>", and `system.build.secrets` maps that hex
# to the hash for the build to write outside the store (docs/toplevel-format.md).
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkDefault mkIf types;
  inherit (builtins) attrValues filter map hashString;
  cfg = config.users;
  osTypes = import ../os-types.nix lib;

  # A login shell: a path, or a package with `shellPath` (found through the system's sw).
  shellType = types.either types.shellPackage (types.passwdEntry types.path);
  # A Debian package's shell is under /usr, which is the generation's sw/usr.
  shellPath = s:
    if !lib.isDerivation s then s
    else if s.isDebian or false then s.shellPath
    else "/run/current-system/sw${s.shellPath}";

  userOpts = { name, config, ... }: {
    options = {
      name = mkOption {
        type = types.passwdEntry types.str;
        default = name;
        defaultText = lib.literalExpression "<name>";
        description = "The user's name (by default the attribute name).";
      };
      uid = mkOption {
        type = types.nullOr types.int;
        default = null;
        description = "The user id. `null`: chosen at activation and kept in the id ledger (normal users from 1000, system users below 1000).";
      };
      isNormalUser = mkOption {
        type = types.bool;
        default = false;
        description = "A person's account: group `users`, home /home/NAME created, the default shell. Exactly one of this and `isSystemUser` is set.";
      };
      isSystemUser = mkOption {
        type = types.bool;
        default = false;
        description = "An account for a service: an id below 1000, no home, no login shell. Needs `group`.";
      };
      group = mkOption {
        type = types.passwdEntry types.str;
        default = "";
        description = "The user's primary group (must be declared in users.groups). Normal users default to `users`.";
      };
      extraGroups = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "wheel" ];
        description = "Further groups the user belongs to.";
      };
      description = mkOption {
        type = types.passwdEntry types.str;
        default = "";
        example = "Alice Q. User";
        description = "A short description of the account (the GECOS field), usually the person's full name.";
      };
      home = mkOption {
        type = types.passwdEntry types.path;
        default = "/var/empty";
        description = "The home directory. Normal users default to /home/NAME.";
      };
      createHome = mkOption {
        type = types.bool;
        default = false;
        description = "Whether activation creates the home directory (owned by the user, mode 0700). True for normal users.";
      };
      shell = mkOption {
        type = types.nullOr shellType;
        default = "/usr/sbin/nologin";
        example = "/bin/bash";
        description = "The login shell. Normal users default to `users.defaultUserShell`.";
      };
      hashedPassword = mkOption {
        type = types.nullOr (types.passwdEntry types.str);
        default = null;
        example = "$y$j9T$...";
        description = "The password hash (as `mkpasswd` prints it). It is never written to the store; activation puts it in /etc/shadow.";
      };
      hashedPasswordFile = mkOption {
        type = types.nullOr types.str;
        default = null;
        description = "A file on the target holding the password hash, read at activation.";
      };
      openssh.authorizedKeys.keys = mkOption {
        type = types.listOf types.singleLineStr;
        default = [ ];
        example = [ "ssh-ed25519 AAAAC3Nza... alice@laptop" ];
        description = "Public keys that may log in as this user over SSH (written to /etc/ssh/authorized_keys.d/NAME when services.openssh is enabled).";
      };
    };
    config = mkIf config.isNormalUser {
      group = mkDefault "users";
      home = mkDefault "/home/${config.name}";
      createHome = mkDefault true;
      shell = mkDefault cfg.defaultUserShell;
    };
  };

  groupOpts = { name, ... }: {
    options = {
      name = mkOption {
        type = types.passwdEntry types.str;
        default = name;
        defaultText = lib.literalExpression "<name>";
        description = "The group's name (by default the attribute name).";
      };
      gid = mkOption {
        type = types.nullOr types.int;
        default = null;
        description = "The group id. `null`: chosen at activation from the id ledger.";
      };
      members = mkOption {
        type = types.listOf (types.passwdEntry types.str);
        default = [ ];
        description = "Users in this group, besides those that name it in `group` or `extraGroups`.";
      };
    };
  };

  users = attrValues cfg.users;
  groups = attrValues cfg.groups;

  userRecord = u: {
    inherit (u) name uid isNormalUser isSystemUser group extraGroups description home createHome hashedPasswordFile;
    shell = if u.shell == null then "/usr/sbin/nologin" else shellPath u.shell;
    hashedPasswordRef = if u.hashedPassword == null then null else "sha256:${hashString "sha256" u.hashedPassword}";
    authorizedKeys = u.openssh.authorizedKeys.keys;
  };
  groupRecord = g: { inherit (g) name gid members; };

  # Ids given twice, as "uid 1000 (alice, bob)" assertions.
  duplicateIds = what: key: items:
    let
      withId = filter (i: i.${key} != null) items;
      byId = builtins.groupBy (i: toString i.${key}) withId;
    in
    lib.mapAttrsToList (id: is: {
      assertion = builtins.length is < 2;
      message = "${what} ${id} is given to more than one of: ${lib.concatMapStringsSep ", " (i: i.name) is}.";
    }) byId;

  sortedByName = builtins.sort (a: b: a.name < b.name);
  failing = pred: message: items: map (i: { assertion = false; message = message i; }) (filter pred items);
in
{
  options.users = {
    users = mkOption {
      type = types.attrsOf (osTypes.submoduleIn ./users-groups.nix userOpts);
      default = { };
      example = { alice = { isNormalUser = true; extraGroups = [ "wheel" ]; }; };
      description = "User accounts, by name. Creating a person's account needs only `isNormalUser = true`.";
    };
    groups = mkOption {
      type = types.attrsOf (osTypes.submoduleIn ./users-groups.nix groupOpts);
      default = { };
      example = { students.gid = 1001; };
      description = "Groups, by name.";
    };
    defaultUserShell = mkOption {
      type = shellType;
      default = "/bin/sh";
      example = "/bin/bash";
      description = "The login shell of normal users that set none.";
    };
    records = mkOption {
      type = types.attrs;
      internal = true;
      readOnly = true;
      description = "What users.json holds: `{ users; groups; }`, sorted by name.";
    };
  };

  config = {
    users.users = {
      root = {
        uid = 0;
        isSystemUser = true;
        group = "root";
        description = "System administrator";
        home = "/root";
        shell = mkDefault cfg.defaultUserShell;
      };
      nobody = {
        uid = 65534;
        isSystemUser = true;
        group = "nogroup";
        description = "Unprivileged account (do not use)";
      };
    };
    users.groups = {
      root.gid = 0;
      wheel.gid = 1;
      users.gid = 100;
      nogroup.gid = 65534;
    };

    users.records = {
      users = map userRecord (sortedByName users);
      groups = map groupRecord (sortedByName groups);
    };

    system.build.secrets = lib.listToAttrs (map (u: {
      name = hashString "sha256" u.hashedPassword;
      value = u.hashedPassword;
    }) (filter (u: u.hashedPassword != null) users));

    # Only what fails becomes an assertion: thousands of passing ones would cost time.
    assertions =
      failing (u: u.isNormalUser == u.isSystemUser) (u:
        "Exactly one of users.users.${u.name}.isSystemUser and users.users.${u.name}.isNormalUser must be set.") users
      ++ failing (u: u.isSystemUser && u.group == "") (u:
        "users.users.${u.name}.group is unset: a system user needs a primary group, e.g. `users.users.${u.name}.group = \"${u.name}\"; users.groups.${u.name} = {};`.") users
      ++ failing (u: u.group != "" && !(cfg.groups ? ${u.group})) (u:
        "users.users.${u.name}.group is `${u.group}', which is not declared in users.groups.") users
      ++ failing (u: u.hashedPassword != null && u.hashedPasswordFile != null) (u:
        "users.users.${u.name} sets both hashedPassword and hashedPasswordFile; set one.") users
      ++ failing (u: u.isNormalUser && u.uid != null && u.uid < 1000) (u:
        "users.users.${u.name} is a normal user with uid ${toString u.uid}; normal users have ids from 1000 up.") users
      ++ duplicateIds "uid" "uid" users
      ++ duplicateIds "gid" "gid" groups
      ++ failing (m: !(cfg.users ? ${m.user})) (m:
        "users.groups.${m.group}.members names `${m.user}', which is not declared in users.users.")
        (lib.concatMap (g: map (user: { group = g.name; inherit user; }) g.members) groups);

    warnings = lib.concatMap (u:
      map (g: "users.users.${u.name}.extraGroups names `${g}', which is not declared in users.groups; activation leaves it out.")
        (filter (g: !(cfg.groups ? ${g})) u.extraGroups)) users;
  };
}
