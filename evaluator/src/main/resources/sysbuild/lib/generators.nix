# Turning Nix values into text: for error messages (toPretty) and for configuration files
# (key-value, INI, JSON).
lib:
let
  inherit (builtins) isAttrs isList isString isInt isFloat isBool isPath typeOf attrNames
    concatStringsSep length;
  inherit (lib.strings) escapeNixString escapeNixIdentifier hasInfix splitString concatMapStringsSep;
in
rec {
  # A Nix-like rendering of a value. Sets and lists deeper than `depthLimit` show as `…`.
  toPretty = { multiline ? true, indent ? "", allowPrettyValues ? false, depthLimit ? 10 }:
    let
      go = depth: ind: v:
        let
          inner = ind + "  ";
          sep = if multiline then "\n" + inner else " ";
          close = if multiline then "\n" + ind else " ";
        in
        if isAttrs v && allowPrettyValues && v ? __pretty && v ? val then v.__pretty v.val
        else if isString v then prettyString ind v
        else if isInt v then toString v
        else if isFloat v then builtins.toJSON v
        else if isBool v then (if v then "true" else "false")
        else if v == null then "null"
        else if isPath v then toString v
        else if builtins.isFunction v then prettyFunction v
        else if depth >= depthLimit then "…"
        else if isList v then
          (if v == [ ] then "[ ]"
          else "[" + sep + concatStringsSep sep (map (go (depth + 1) inner) v) + close + "]")
        else if isAttrs v then
          (if v ? __functor then "<function>"
          else if (v.type or null) == "derivation" then "<derivation ${v.name or "?"}>"
          else if v == { } then "{ }"
          else "{" + sep
            + concatStringsSep sep (map (n: "${escapeNixIdentifier n} = ${go (depth + 1) inner v.${n}};") (attrNames v))
            + close + "}")
        else "<${typeOf v}>";
      prettyString = ind: s:
        if multiline && hasInfix "\n" s then
          let lines = splitString "\n" s; in
          "''" + concatMapStringsSep ("\n" + ind + "  ") (l: builtins.replaceStrings [ "''" "\${" ] [ "'''" "''\${" ] l) ([ "" ] ++ lines) + "''"
        else escapeNixString s;
      prettyFunction = f:
        let args = builtins.functionArgs f; in
        if args == { } then "<function>"
        else "<function, args: {${concatStringsSep ", " (map (n: if args.${n} then "${n}?" else n) (attrNames args))}}>";
    in
    go 0 indent;

  mkValueStringDefault = { }: v:
    if isInt v || isFloat v || isString v || isPath v then toString v
    else if isBool v then lib.trivial.boolToString v
    else if v == null then "null"
    else throw "generators.mkValueStringDefault: cannot render a ${typeOf v}";
  mkKeyValueDefault = { mkValueString ? mkValueStringDefault { } }: sep: k: v:
    "${lib.strings.escape [ sep ] k}${sep}${mkValueString v}";

  # One `key=value` line per attribute; list values repeat the key when listsAsDuplicateKeys.
  toKeyValue = { mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false, indent ? "" }: attrs:
    lib.strings.concatStrings (lib.lists.concatMap (k:
      let v = attrs.${k}; in
      map (x: indent + mkKeyValue k x + "\n") (if listsAsDuplicateKeys && isList v then v else [ v ])
    ) (attrNames attrs));

  # [section] blocks of key=value lines.
  toINI = { mkSectionName ? (n: lib.strings.escape [ "[" "]" ] n), mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false }: attrs:
    concatStringsSep "\n" (map (section:
      "[${mkSectionName section}]\n" + toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } attrs.${section}
    ) (attrNames attrs));
  toINIWithGlobalSection = { mkSectionName ? (n: lib.strings.escape [ "[" "]" ] n), mkKeyValue ? mkKeyValueDefault { } "=", listsAsDuplicateKeys ? false }:
    { globalSection, sections ? { } }:
    toKeyValue { inherit mkKeyValue listsAsDuplicateKeys; } globalSection
    + (if sections == { } then "" else "\n" + toINI { inherit mkSectionName mkKeyValue listsAsDuplicateKeys; } sections);

  toJSON = { }: builtins.toJSON;
  # JSON is a subset of YAML 1.2.
  toYAML = { }: builtins.toJSON;

  withRecursion = { depthLimit, throwOnDepthLimit ? true }: v: v;
}
