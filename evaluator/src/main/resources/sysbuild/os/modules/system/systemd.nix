# systemd services and timers. Each enabled unit becomes a file under /etc/systemd/system/
# (all of them in one store directory, `system.build.units`), with a link in
# TARGET.wants/ or TARGET.requires/ for every wantedBy/requiredBy, and an entry of units.json
# telling activation how a switch treats a change to it. Scripts (`script`, `preStart`,
# `postStart`) become store files the unit runs.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption types;
  inherit (builtins) attrNames attrValues filter map concatMap listToAttrs toJSON;
  sd = import ./systemd-lib.nix lib;
  osTypes = import ../os-types.nix lib;

  unitValue = types.oneOf [ types.bool types.int types.str types.path (types.listOf (types.oneOf [ types.bool types.int types.str types.path ])) ];
  unitSettings = what: mkOption {
    type = types.attrsOf unitValue;
    default = { };
    description = "Further settings of the unit's [${what}] section (a list gives the key once per element).";
  };
  unitNames = desc: mkOption { type = types.listOf types.str; default = [ ]; description = desc; };

  # What services and timers share. The declarations do not depend on the unit's name, so they are
  # written once, outside the per-unit modules: every unit of a kind then shares the same option
  # values and types (a system of thousands of units evaluates them once, not once per unit).
  commonOptions = {
    enable = mkOption {
      type = types.bool;
      default = true;
      description = "Whether the unit is installed. A disabled unit is left out altogether.";
    };
    description = mkOption {
      type = types.singleLineStr;
      default = "";
      description = "The unit's description (shown by systemctl status).";
    };
    wantedBy = unitNames "Units that want this one (a link in UNIT.wants/), e.g. `multi-user.target`.";
    requiredBy = unitNames "Units that require this one (a link in UNIT.requires/).";
    after = unitNames "Units this one starts after.";
    before = unitNames "Units this one starts before.";
    wants = unitNames "Units this one wants (started along, failures ignored).";
    requires = unitNames "Units this one requires (started along; if they fail, this one does).";
    unitConfig = unitSettings "Unit";
    restartTriggers = mkOption {
      type = types.listOf types.unspecified;
      default = [ ];
      description = "Values (often store paths of files the unit reads) whose change restarts the unit on a switch.";
    };
  };

  serviceOpts = { options = serviceOptions; };
  serviceOptions = commonOptions // {
    environment = mkOption {
      type = types.attrsOf (types.nullOr (types.oneOf [ types.str types.path types.package ]));
      default = { };
      example = { TZ = "UTC"; };
      description = "Environment variables of the service's processes.";
    };
    path = mkOption {
      type = types.listOf (types.either types.package types.str);
      default = [ ];
      description = "Packages whose bin/ is put on the service's PATH (before the system's).";
    };
    script = mkOption { type = types.lines; default = ""; description = "Shell commands run as the service's main process (ExecStart)."; };
    preStart = mkOption { type = types.lines; default = ""; description = "Shell commands run before the main process (ExecStartPre)."; };
    postStart = mkOption { type = types.lines; default = ""; description = "Shell commands run after the main process started (ExecStartPost)."; };
    serviceConfig = unitSettings "Service";
    restartIfChanged = mkOption {
      type = types.bool;
      default = true;
      description = "Whether a switch restarts the service when its unit changed.";
    };
    reloadIfChanged = mkOption {
      type = types.bool;
      default = false;
      description = "Whether a switch reloads (instead of restarting) the service when its unit changed.";
    };
    stopIfChanged = mkOption {
      type = types.bool;
      default = true;
      description = "Whether a changed service is stopped before activation and started after it (true), or restarted in one step after it (false).";
    };
  };

  timerOpts = {
    options = timerOptions;
    config.wantedBy = lib.mkDefault [ "timers.target" ];
  };
  timerOptions = commonOptions // {
    timerConfig = mkOption {
      type = types.attrsOf unitValue;
      default = { };
      example = { OnCalendar = "daily"; Persistent = true; };
      description = "The [Timer] section, e.g. OnCalendar, OnBootSec, Unit.";
    };
  };

  failing = pred: message: items: map (i: { assertion = false; message = message i; }) (filter pred items);
  enabledOf = attrs: filter (n: attrs.${n}.enable) (attrNames attrs);
  services = enabledOf config.systemd.services;
  timers = enabledOf config.systemd.timers;

  unitSection = u: {
    Description = if u.description == "" then null else u.description;
    After = nonEmpty u.after;
    Before = nonEmpty u.before;
    Wants = nonEmpty u.wants;
    Requires = nonEmpty u.requires;
    X-Restart-Triggers = nonEmpty (map toString u.restartTriggers);
  } // u.unitConfig;
  nonEmpty = l: if l == [ ] then null else lib.concatStringsSep " " l;
  installSection = u: { WantedBy = nonEmpty u.wantedBy; RequiredBy = nonEmpty u.requiredBy; };

  defaultPath = "/run/current-system/sw/bin:/run/current-system/sw/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  scriptFile = name: kind: text: pkgs.writeShellScript "unit-${name}-${kind}" "set -e\n${text}";

  serviceText = name: s:
    let
      env = lib.filterAttrs (_: v: v != null) s.environment
        // { PATH = lib.concatStrings (map (p: "${p}/bin:") s.path) + defaultPath; };
      exec = key: kind: text: lib.optionalAttrs (text != "") { ${key} = "${scriptFile name kind text}"; };
      service = {
        Environment = map (n: sd.environmentValue n env.${n}) (attrNames env);
      } // exec "ExecStartPre" "pre-start" s.preStart
        // exec "ExecStart" "start" s.script
        // exec "ExecStartPost" "post-start" s.postStart
        // s.serviceConfig;
    in
    sd.unitText { Unit = unitSection s; Service = service; Install = installSection s; } [ "Unit" "Service" "Install" ];

  timerText = _: t:
    sd.unitText { Unit = unitSection t; Timer = t.timerConfig; Install = installSection t; } [ "Unit" "Timer" "Install" ];

  # Every unit file: name -> { text; unit (the option value); kind }.
  unitFiles =
    map (n: { file = "${n}.service"; text = serviceText n config.systemd.services.${n}; unit = config.systemd.services.${n}; }) services
    ++ map (n: { file = "${n}.timer"; text = timerText n config.systemd.timers.${n}; unit = config.systemd.timers.${n}; }) timers;

  unitsDir = pkgs.makeTree {
    name = "system-units";
    entries = map (u: { path = u.file; inherit (u) text; }) unitFiles;
  };

  etcEntry = target: source: { inherit target source; mode = "symlink"; user = "root"; group = "root"; };
  unitEntries = concatMap (u:
    [ (etcEntry "systemd/system/${u.file}" "${unitsDir}/${u.file}") ]
    ++ map (t: etcEntry "systemd/system/${t}.wants/${u.file}" "${unitsDir}/${u.file}") u.unit.wantedBy
    ++ map (t: etcEntry "systemd/system/${t}.requires/${u.file}" "${unitsDir}/${u.file}") u.unit.requiredBy
  ) unitFiles;

  unitFlags = u: {
    restartIfChanged = u.unit.restartIfChanged or true;
    reloadIfChanged = u.unit.reloadIfChanged or false;
    stopIfChanged = u.unit.stopIfChanged or true;
    inherit (u.unit) wantedBy;
    restartTriggers = map toString u.unit.restartTriggers;
  };
in
{
  options.systemd = {
    services = mkOption {
      type = types.attrsOf (osTypes.submoduleIn ./systemd.nix serviceOpts);
      default = { };
      example = lib.literalExpression ''
        { backup = {
            description = "Nightly backup";
            script = "tar czf /var/backup/etc.tgz /etc";
            serviceConfig.Type = "oneshot";
          }; }'';
      description = "systemd services, by name (without `.service`).";
    };
    timers = mkOption {
      type = types.attrsOf (osTypes.submoduleIn ./systemd.nix timerOpts);
      default = { };
      example = { backup.timerConfig.OnCalendar = "daily"; };
      description = "systemd timers, by name (without `.timer`); a timer starts the service of the same name unless timerConfig.Unit says otherwise.";
    };
    unitFlags = mkOption {
      type = types.attrs;
      internal = true;
      readOnly = true;
      description = "What units.json holds: per unit file name, how a switch treats a change.";
    };
  };

  config = {
    system.build.units = unitsDir;
    system.etc.generated = unitEntries;
    systemd.unitFlags = listToAttrs (map (u: { name = u.file; value = unitFlags u; }) unitFiles);
    # Only what fails becomes an assertion: thousands of passing ones would cost time.
    assertions =
      failing (n: let s = config.systemd.services.${n}; in
          !(s.script != "" || s.serviceConfig ? ExecStart || s.serviceConfig ? ExecStop || s.serviceConfig ? SuccessAction))
        (n: "systemd.services.${n} has neither `script' nor `serviceConfig.ExecStart' (systemd refuses a service without one).") services
      ++ failing (n: let s = config.systemd.services.${n}; in s.script != "" && s.serviceConfig ? ExecStart)
        (n: "systemd.services.${n} sets both `script' and `serviceConfig.ExecStart'; use one.") services
      ++ failing (n: !(builtins.any (k: lib.hasPrefix "On" k) (attrNames config.systemd.timers.${n}.timerConfig)))
        (n: "systemd.timers.${n}.timerConfig sets no `On...' trigger (e.g. OnCalendar), so the timer would never fire.") timers;
  };
}
