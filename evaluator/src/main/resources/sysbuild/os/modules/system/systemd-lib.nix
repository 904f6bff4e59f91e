# Rendering systemd unit files: sections of `Key=value` lines, values escaped as systemd reads
# them. Shared by systemd.nix (services, timers) and service modules.
lib:
let
  inherit (builtins) isList isBool concatStringsSep replaceStrings attrValues mapAttrs filter;

  # Values are written as given, as NixOS does: `%i`, `%h` and the other specifiers work in
  # serviceConfig, and a literal `%` must be written `%%` (escapeSpecifiers does that).
  escapeSpecifiers = replaceStrings [ "%" ] [ "%%" ];
  showValue = v:
    if isBool v then (if v then "true" else "false")
    else toString v;
  # A key with a list value is given once per element, in order (systemd appends them).
  keyLines = name: v:
    if isList v then concatStringsSep "" (map (x: "${name}=${showValue x}\n") v)
    else if v == null then ""
    else "${name}=${showValue v}\n";
in
rec {
  inherit showValue escapeSpecifiers;

  # `[Name]` and its lines, or nothing when there are no lines.
  section = name: attrs:
    # (attrValues of mapAttrs: the lines in name order, one call per key.)
    let body = concatStringsSep "" (attrValues (mapAttrs keyLines attrs)); in
    if body == "" then "" else "[${name}]\n${body}";

  # A unit file from { Unit = {...}; Service = {...}; Install = {...}; } in that section order.
  unitText = sections: order:
    concatStringsSep "\n" (filter (s: s != "") (map (n: section n (sections.${n} or { })) order));

  # One `Environment=` value: "NAME=value" quoted, with `\` and `"` escaped; `%` stays a
  # specifier, as in NixOS.
  environmentValue = name: value:
    "\"${replaceStrings [ "\\" "\"" ] [ "\\\\" "\\\"" ] "${name}=${toString value}"}\"";
}
