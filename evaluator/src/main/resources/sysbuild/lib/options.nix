# Declaring options, the basic ways of merging their definitions, and showing option paths,
# files and definitions in messages.
lib:
let
  inherit (builtins) length head tail filter isString attrNames concatStringsSep elemAt;
  inherit (lib.strings) escapeNixIdentifier;
in
rec {
  # An option declaration. Only these attributes are allowed, as in NixOS.
  mkOption =
    { default ? null, defaultText ? null, example ? null, description ? null, relatedPackages ? null
    , type ? null, apply ? null, internal ? null, visible ? null, readOnly ? null
    }@attrs:
    attrs // { _type = "option"; };

  isOption = v: builtins.isAttrs v && (v._type or null) == "option";

  mkEnableOption = name: mkOption {
    type = lib.types.bool;
    default = false;
    example = true;
    description = "Whether to enable ${name}.";
  };

  # An option holding a package from `pkgs`, found at the attribute path `default`.
  mkPackageOption = pkgs: name:
    { nullable ? false, default ? name, example ? null, extraDescription ? "", pkgsText ? "pkgs" }:
    let
      path = if isString default then lib.strings.splitString "." default else default;
      pkg = if default == null then null else lib.attrsets.attrByPath path (throw "${pkgsText}.${concatStringsSep "." path} does not exist") pkgs;
      type = if nullable then lib.types.nullOr lib.types.package else lib.types.package;
    in
    mkOption ({
      inherit type;
      description = "The ${if builtins.isList name then concatStringsSep "." name else name} package to use." + extraDescription;
    } // lib.attrsets.optionalAttrs (default != null || nullable) {
      default = pkg;
      defaultText = literalExpression "${pkgsText}.${concatStringsSep "." path}";
    } // lib.attrsets.optionalAttrs (example != null) {
      example = if isString example then literalExpression "${pkgsText}.${example}" else example;
    });
  mkPackageOptionMD = mkPackageOption;

  # An option that accepts and ignores any definitions (for the parts of a tree nobody reads).
  mkSinkUndeclaredOptions = attrs: mkOption ({
    internal = true;
    visible = false;
    default = false;
    description = "Sink for option definitions.";
    type = lib.types.mkOptionType { name = "sink"; check = _: true; merge = _: _: false; };
    apply = _: throw "Option value is not readable because the option is not declared.";
  } // attrs);

  literalExpression = text:
    if !isString text then throw "literalExpression expects a string"
    else { _type = "literalExpression"; inherit text; };
  literalExample = literalExpression;
  literalMD = text: { _type = "literalMD"; inherit text; };
  mdDoc = text: text;

  # --- merging definitions (each a { file; value; } set) ---

  getValues = map (d: d.value);
  getFiles = map (d: d.file);

  # The one definition; several are an error.
  mergeOneOption = mergeUniqueOption { message = ""; };
  mergeUniqueOption = { message, merge ? null }: loc: defs:
    if length defs == 1 then (if merge == null then (head defs).value else merge loc defs)
    else if defs == [ ] then throw "The option `${showOption loc}' has no definitions to merge."
    else throw ("The option `${showOption loc}' is defined multiple times while it's expected to be unique.\n"
      + (if message == "" then "" else message + "\n")
      + "Definition values:${showDefs defs}\n${prioritySuggestion}");

  # Several definitions only if they are all equal.
  mergeEqualOption = loc: defs:
    if defs == [ ] then throw "The option `${showOption loc}' has no definitions to merge."
    else
      let first = head defs; in
      (builtins.foldl' (ok: d:
        if d.value == first.value then ok
        else throw "The option `${showOption loc}' has conflicting definition values:${showDefs [ first d ]}\n${prioritySuggestion}"
      ) first (tail defs)).value;

  # What `types.unspecified` does: combine whatever the values allow.
  mergeDefaultOption = loc: defs:
    let
      values = getValues defs;
      all = p: builtins.all p values;
    in
    if length values == 1 then head values
    else if all lib.trivial.isFunction then x: mergeDefaultOption loc (map (d: d // { value = d.value x; }) defs)
    else if all builtins.isList then builtins.concatLists values
    else if all builtins.isAttrs then builtins.foldl' (a: b: a // b) { } values
    else if all builtins.isBool then builtins.any (x: x) values
    else if all isString then lib.strings.concatStrings values
    else if all builtins.isInt && all (x: x == head values) then head values
    else throw "Cannot merge definitions of `${showOption loc}'. Definition values:${showDefs defs}";

  prioritySuggestion = "Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.";

  # --- showing things in messages ---

  # services.nginx."my.host".root
  showOption = loc:
    concatStringsSep "." (map (part:
      if part == "*" || builtins.match "<.*>" part != null then part else escapeNixIdentifier part
    ) loc);
  showFiles = files: concatStringsSep " and " (map (f: "`${toString f}'") files);

  # Where a definition was made: its file and line when the attribute's position is known.
  showDefLocation = def:
    let pos = def.pos or null; in
    if pos != null then "${pos.file}:${toString pos.line}" else toString def.file;

  # One "- In `file:line': value" line per definition (values shortened to five lines).
  showDefs = defs: lib.strings.concatMapStrings (def:
    let
      pretty = builtins.tryEval (lib.generators.toPretty { } def.value);
      lines = lib.strings.splitString "\n" pretty.value;
      shown = concatStringsSep "\n    " (lib.lists.take 5 lines ++ lib.lists.optional (length lines > 5) "...");
      value =
        if !pretty.success then ""
        else if length lines > 1 then ":\n    " + shown
        else ": " + shown;
    in
    "\n- In `${showDefLocation def}'${value}"
  ) defs;

  # A flat list of the visible options under `options` (for documentation and `sysbuild options`).
  optionAttrSetToDocList = optionAttrSetToDocList' [ ];
  optionAttrSetToDocList' = _: options:
    builtins.concatMap (name:
      let opt = options.${name}; in
      if isOption opt then
        let
          subOptions = opt.type.getSubOptions opt.loc;
          doc = {
            name = showOption opt.loc;
            inherit (opt) loc;
            description = opt.description or null;
            declarations = opt.declarations or [ ];
            internal = opt.internal or false;
            visible = opt.visible or true;
            readOnly = opt.readOnly or false;
            type = opt.type.description or "unspecified";
          }
          // lib.attrsets.optionalAttrs (opt ? example) { example = renderValue opt.example; }
          // lib.attrsets.optionalAttrs (opt ? defaultText || opt ? default) {
            default = renderValue (opt.defaultText or opt.default);
          };
        in
        [ doc ] ++ (if subOptions == { } || opt.visible or true == "shallow" then [ ] else optionAttrSetToDocList' opt.loc subOptions)
      else if builtins.isAttrs opt && name != "_module" then optionAttrSetToDocList' [ ] opt
      else [ ]
    ) (attrNames options);

  renderValue = v:
    if builtins.isAttrs v && (v._type or null) == "literalExpression" then v.text
    else if builtins.isAttrs v && (v._type or null) == "literalMD" then v.text
    else lib.generators.toPretty { } v;
}
