# Option types: what a definition must look like (`check`) and how several definitions
# become one value (`merge`). Names and descriptions follow NixOS, since modules read
# `options.X.type.name` and users read the descriptions in errors.
lib:
let
  inherit (builtins) isAttrs isList isString isInt isFloat isBool isPath length head tail
    elemAt filter concatLists mapAttrs zipAttrsWith all any foldl' attrNames concatStringsSep
    typeOf match unsafeGetAttrPos;
  inherit (lib.lists) imap1 count last;
  inherit (lib.attrsets) filterAttrs optionalAttrs isDerivation;
  inherit (lib.strings) isStringLike isStorePath concatMapStringsSep;
  inherit (lib.options) mergeEqualOption mergeOneOption mergeUniqueOption mergeDefaultOption
    getValues getFiles showOption showFiles;
  inherit (lib.trivial) isFunction;
  mergeDefinitions = lib.modules.mergeDefinitions;

  # The merge of listOf: the Java fast path (dev.sysbuild.eval.modules.ListMerge) gives what
  # mergeListNix gives, and runs it instead whenever anything fails, for its error messages.
  mergeList = __sysbuildMergeList { nix = mergeListNix; inherit mergeDefinitions; };
  mergeListNix = elemType: loc: defs:
    map (r: r.mergedValue) (filter (r: r.isDefined) (concatLists (imap1 (n: d:
      imap1 (m: v: mergeDefinitions (loc ++ [ "[definition ${toString n}-entry ${toString m}]" ]) elemType
        [ { inherit (d) file; pos = d.pos or null; value = v; } ]) d.value
    ) defs)));

  # The merge of attrsOf: the Java fast path (dev.sysbuild.eval.modules.AttrsMerge) gives what
  # mergeAttrsNix gives, and runs it instead whenever anything fails, for its error messages.
  mergeAttrs = __sysbuildMergeAttrs {
    nix = mergeAttrsNix;
    inherit mergeDefinitions unsafeGetAttrPos;
    positioned = lib.attrsets.nameValuePair "" null;
  };
  mergeAttrsNix = elemType: loc: defs:
    mapAttrs (_: r: r.mergedValue)
      (filterAttrs (_: r: r.isDefined) (mapAttrs (n: mergeDefinitions (loc ++ [ n ]) elemType) (byKey defs)));
  # Per attribute: the definitions of that attribute, with their positions.
  byKey = defs: zipAttrsWith (_: ds: ds) (map (d:
    mapAttrs (n: v: { inherit (d) file; value = v; pos = unsafeGetAttrPos n d.value; }) d.value
  ) defs);

  isType = kind: v: isAttrs v && (v._type or null) == kind;
  setType = kind: v: v // { _type = kind; };
  isOptionType = isType "option-type";

  # How a type sits inside another type's description: bare when its class allows, else in
  # parentheses ("list of (string or signed integer)").
  phrase = bare: t: if bare (t.descriptionClass or null) then t.description else "(${t.description})";
  nounOrComposite = c: c == "noun" || c == "composite";
  nounOrConjunction = c: c == "noun" || c == "conjunction";

  # What typeMerge compares: a type's constructor with its parameters.
  defaultFunctor = name: { inherit name; type = types.${name} or null; wrapped = null; payload = null; binOp = _: _: null; };

  # Two declarations of one option may give types that merge: the same simple type, the same
  # constructor with mergeable element types, or payloads (enum values, submodule modules)
  # that combine.
  defaultTypeMerge = f: f':
    if f.name != f'.name then null
    else if f.payload != null || f'.payload != null then
      (if f.payload == null || f'.payload == null then null
      else let p = f.binOp f.payload f'.payload; in if p == null then null else f.type p)
    else if f.wrapped != null && f'.wrapped != null then
      (let w = f.wrapped.typeMerge f'.wrapped.functor; in if w == null then null else f.type w)
    else if f.wrapped == null && f'.wrapped == null then f.type
    else null;

  mkOptionType =
    { name
    , description ? null
    , descriptionClass ? null
    , check ? (_: true)
    , merge ? mergeDefaultOption
    , emptyValue ? { }
    , getSubOptions ? (_: { })
    , getSubModules ? null
    , substSubModules ? (_: null)
    , functor ? null
    , typeMerge ? null
    , deprecationMessage ? null
    , nestedTypes ? { }
    }:
    let
      self = {
        _type = "option-type";
        inherit name check merge emptyValue getSubOptions getSubModules substSubModules
          deprecationMessage nestedTypes descriptionClass;
        description = if description == null then name else description;
        functor = if functor == null then defaultFunctor name // { type = self; } else functor;
        typeMerge = if typeMerge == null then defaultTypeMerge self.functor else typeMerge;
      };
    in
    self;

  # Checking an extra condition on top of a type's own check.
  addCheck = t: extra: t // { check = x: t.check x && extra x; };

  # A type whose values are checked by one predicate and whose definitions must all be equal.
  scalar = name: description: check: mkOptionType {
    inherit name description check;
    descriptionClass = "noun";
    merge = mergeEqualOption;
  };

  ints =
    let
      betweenDesc = lo: hi: "${toString lo} and ${toString hi} (both inclusive)";
      between = lowest: highest:
        if lowest > highest then throw "ints.between: the lowest value ${toString lowest} is above the highest ${toString highest}"
        else addCheck types.int (x: x >= lowest && x <= highest) // {
          name = "intBetween";
          description = "integer between ${betweenDesc lowest highest}";
        };
      sized = kind: bits: lo: hi: between lo hi // {
        name = "${kind}Int${toString bits}";
        description = "${toString bits} bit ${kind} integer; between ${betweenDesc lo hi}";
      };
      unsignedBits = bits: let n = pow2 bits; in sized "unsigned" bits 0 (n - 1);
      signedBits = bits: let n = pow2 bits; in sized "signed" bits (0 - n / 2) (n / 2 - 1);
      pow2 = bits: foldl' (acc: _: acc * 2) 1 (lib.lists.range 1 bits);
    in
    {
      inherit between;
      unsigned = addCheck types.int (x: x >= 0) // {
        name = "unsignedInt";
        description = "unsigned integer, meaning >=0";
        descriptionClass = "nonRestrictiveClause";
      };
      positive = addCheck types.int (x: x > 0) // {
        name = "positiveInt";
        description = "positive integer, meaning >0";
        descriptionClass = "nonRestrictiveClause";
      };
      u8 = unsignedBits 8;
      u16 = unsignedBits 16;
      u32 = unsignedBits 32;
      s8 = signedBits 8;
      s16 = signedBits 16;
      s32 = signedBits 32;
    };

  numbers =
    let
      betweenDesc = lo: hi: "${builtins.toJSON lo} and ${builtins.toJSON hi} (both inclusive)";
    in
    {
      between = lowest: highest: addCheck types.number (x: x >= lowest && x <= highest) // {
        name = "numberBetween";
        description = "integer or floating point number between ${betweenDesc lowest highest}";
      };
      nonnegative = addCheck types.number (x: x >= 0) // {
        name = "numberNonnegative";
        description = "nonnegative integer or floating point number, meaning >=0";
      };
      positive = addCheck types.number (x: x > 0) // {
        name = "numberPositive";
        description = "positive integer or floating point number, meaning >0";
      };
    };

  # Strings joined with `sep` when there are several definitions.
  separatedString = sep: mkOptionType {
    name = "separatedString";
    description =
      if sep == "" then "Concatenated string"
      else "strings concatenated with ${builtins.toJSON sep}";
    descriptionClass = "noun";
    check = isString;
    merge = _: defs: concatStringsSep sep (getValues defs);
    functor = (defaultFunctor "separatedString") // {
      type = separatedString;
      payload = sep;
      binOp = a: b: if a == b then a else null;
    };
  };

  attrsWith = { elemType, lazy ? false, placeholder ? "name" }:
    let
      name = if lazy then "lazyAttrsOf" else "attrsOf";
    in
    mkOptionType {
      inherit name;
      description = (if lazy then "lazy attribute set" else "attribute set") + " of ${phrase nounOrComposite elemType}";
      descriptionClass = "composite";
      check = isAttrs;
      merge = loc: defs:
        if lazy then
          mapAttrs (n: ds:
            let r = mergeDefinitions (loc ++ [ n ]) elemType ds; in
            if r.isDefined then r.mergedValue else elemType.emptyValue.value or r.mergedValue
          ) (byKey defs)
        else mergeAttrs elemType loc defs;
      emptyValue = { value = { }; };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<${placeholder}>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: attrsWith { elemType = elemType.substSubModules m; inherit lazy placeholder; };
      functor = (defaultFunctor name) // {
        wrapped = elemType;
        type = t: attrsWith { elemType = t; inherit lazy placeholder; };
      };
      nestedTypes.elemType = elemType;
    };

  submoduleWith =
    { modules
    , specialArgs ? { }
    , shorthandOnlyDefinesConfig ? false
    , description ? null
    , class ? null
    }@attrs:
    let
      # A definition is a module: a plain set only defines config when shorthandOnlyDefinesConfig.
      asModules = map (d:
        if isAttrs d.value && shorthandOnlyDefinesConfig
        then { _file = d.file; config = d.value; }
        else { _file = d.file; imports = [ d.value ]; });
      base = lib.modules.evalModules {
        inherit class specialArgs;
        modules = [ { _module.args.name = lib.modules.mkOptionDefault "‹name›"; } ] ++ modules;
      };
      freeformType = base._module.freeformType;
      name = "submodule";
    in
    mkOptionType {
      inherit name;
      description =
        if description != null then description
        else if freeformType ? description then "open ${name} of ${phrase nounOrComposite freeformType}"
        else name;
      check = x: isAttrs x || isFunction x || isPath x;
      merge = loc: defs:
        (base.extendModules {
          modules = [ { _module.args.name = last loc; } ] ++ asModules defs;
          prefix = loc;
        }).config;
      emptyValue = { value = { }; };
      getSubOptions = prefix: removeAttrs (base.extendModules { inherit prefix; }).options [ "_module" ];
      getSubModules = modules;
      substSubModules = m: submoduleWith (attrs // { modules = m; });
      nestedTypes = optionalAttrs (freeformType != null) { inherit freeformType; };
      functor = (defaultFunctor name) // {
        type = submoduleWith;
        payload = { inherit modules specialArgs shorthandOnlyDefinesConfig description class; };
        binOp = lhs: rhs:
          if lhs.class != null && rhs.class != null && lhs.class != rhs.class then null
          else {
            modules = lhs.modules ++ rhs.modules;
            specialArgs = lhs.specialArgs // rhs.specialArgs;
            shorthandOnlyDefinesConfig = lhs.shorthandOnlyDefinesConfig && rhs.shorthandOnlyDefinesConfig;
            description = if lhs.description == null then rhs.description else lhs.description;
            class = if lhs.class == null then rhs.class else lhs.class;
          };
      };
    };

  deferredModuleWith = { staticModules ? [ ] }@attrs: mkOptionType {
    name = "deferredModule";
    description = "module";
    descriptionClass = "noun";
    check = x: isAttrs x || isFunction x || isPath x;
    merge = loc: defs: {
      imports = staticModules ++ map (d: lib.modules.setDefaultModuleLocation "${d.file}, via option ${showOption loc}" d.value) defs;
    };
    getSubOptions = prefix: removeAttrs (lib.modules.evalModules { modules = staticModules; inherit prefix; }).options [ "_module" ];
    getSubModules = staticModules;
    substSubModules = m: deferredModuleWith (attrs // { staticModules = m; });
    functor = (defaultFunctor "deferredModuleWith") // {
      type = deferredModuleWith;
      payload = { inherit staticModules; };
      binOp = lhs: rhs: { staticModules = lhs.staticModules ++ rhs.staticModules; };
    };
  };

  unique = { message }: type: mkOptionType {
    name = "unique";
    inherit (type) description descriptionClass check emptyValue getSubOptions getSubModules;
    merge = mergeUniqueOption { inherit message; inherit (type) merge; };
    substSubModules = m: unique { inherit message; } (type.substSubModules m);
    functor = (defaultFunctor "unique") // { type = unique { inherit message; }; wrapped = type; };
    nestedTypes.elemType = type;
  };

  either = t1: t2: mkOptionType {
    name = "either";
    description =
      if t1.descriptionClass or null == "nonRestrictiveClause"
      then "${t1.description}, or ${phrase nounOrConjunction t2}"
      else "${phrase nounOrConjunction t1} or ${phrase (c: nounOrConjunction c || c == "composite") t2}";
    descriptionClass = "conjunction";
    check = x: t1.check x || t2.check x;
    merge = loc: defs:
      let values = getValues defs; in
      if all t1.check values then t1.merge loc defs
      else if all t2.check values then t2.merge loc defs
      else mergeOneOption loc defs;
    typeMerge = f':
      if f'.name != "either" then null
      else
        let
          l = t1.typeMerge (elemAt f'.wrapped 0).functor;
          r = t2.typeMerge (elemAt f'.wrapped 1).functor;
        in
        if l == null || r == null then null else either l r;
    functor = (defaultFunctor "either") // { wrapped = [ t1 t2 ]; };
    nestedTypes = { left = t1; right = t2; };
  };

  types = {
    inherit isType setType isOptionType mkOptionType defaultTypeMerge defaultFunctor addCheck
      ints numbers separatedString attrsWith submoduleWith deferredModuleWith unique either;

    raw = mkOptionType {
      name = "raw";
      description = "raw value";
      descriptionClass = "noun";
      merge = mergeOneOption;
    };
    unspecified = mkOptionType {
      name = "unspecified";
      description = "unspecified value";
      descriptionClass = "noun";
    };
    # Any value: sets merge attribute by attribute, functions by merging their results,
    # anything else only when all definitions are equal.
    anything = mkOptionType {
      name = "anything";
      description = "anything";
      descriptionClass = "noun";
      merge = loc: defs:
        let
          kind = v: if isAttrs v && isStringLike v then "stringCoercibleSet" else typeOf v;
          first = kind (head defs).value;
        in
        if any (d: kind d.value != first) defs then
          throw "The option `${showOption loc}' has conflicting option types in ${showFiles (getFiles defs)}"
        else if first == "set" then (types.attrsOf types.anything).merge loc defs
        else if first == "lambda" then
          (arg: types.anything.merge (loc ++ [ "<function body>" ]) (map (d: d // { value = d.value arg; }) defs))
        else if first == "stringCoercibleSet" then mergeOneOption loc defs
        else mergeEqualOption loc defs;
    };

    bool = scalar "bool" "boolean" isBool;
    boolByOr = mkOptionType {
      name = "boolByOr";
      description = "boolean (merged using or)";
      descriptionClass = "noun";
      check = isBool;
      merge = _: defs: any (d: d.value) defs;
    };
    int = scalar "int" "signed integer" isInt;
    port = ints.u16;
    float = scalar "float" "floating point number" isFloat;
    number = either types.int types.float;

    str = scalar "str" "string" isString;
    nonEmptyStr = scalar "nonEmptyStr" "non-empty string" (x: isString x && match "[ \t\n]*" x == null);
    singleLineStr = mkOptionType {
      name = "singleLineStr";
      description = "(optionally newline-terminated) single-line string";
      descriptionClass = "noun";
      check = x: isString x && match "[^\n\r]*\n?" x != null;
      # A final newline is allowed, and dropped.
      merge = loc: defs: lib.strings.removeSuffix "\n" (mergeEqualOption loc defs);
    };
    strMatching = pattern: mkOptionType {
      name = "strMatching ${lib.strings.escapeNixString pattern}";
      description = "string matching the pattern ${pattern}";
      descriptionClass = "noun";
      check = x: isString x && match pattern x != null;
      merge = mergeEqualOption;
      functor = (defaultFunctor "strMatching") // {
        type = types.strMatching;
        payload = pattern;
        binOp = a: b: if a == b then a else null;
      };
    };
    lines = separatedString "\n";
    commas = separatedString ",";
    envVar = separatedString ":";
    string = separatedString "" // { name = "string"; };
    passwdEntry = t: addCheck t (x: isString x && match "[^\n:]*" x != null) // {
      name = "passwdEntry ${t.name}";
      description = "${phrase (c: c == "noun") t}, not containing newlines or colons";
      descriptionClass = "nonRestrictiveClause";
    };

    attrs = mkOptionType {
      name = "attrs";
      description = "attribute set";
      check = isAttrs;
      merge = _: foldl' (acc: d: acc // d.value) { };
      emptyValue = { value = { }; };
    };
    path = mkOptionType {
      name = "path";
      description = "absolute path";
      descriptionClass = "noun";
      check = x: isStringLike x && builtins.substring 0 1 (toString x) == "/";
      merge = mergeEqualOption;
    };
    pathInStore = mkOptionType {
      name = "pathInStore";
      description = "path in the Nix store";
      descriptionClass = "noun";
      check = x: isStringLike x && lib.strings.hasPrefix "${builtins.storeDir}/" (toString x);
      merge = mergeEqualOption;
    };
    package = mkOptionType {
      name = "package";
      description = "package";
      descriptionClass = "noun";
      check = x: isDerivation x || isStorePath x;
      merge = mergeOneOption;
    };
    shellPackage = types.package // {
      check = x: isDerivation x && x ? shellPath;
    };

    optionType = mkOptionType {
      name = "optionType";
      description = "optionType";
      descriptionClass = "noun";
      check = isOptionType;
      merge = loc: defs:
        let
          merged = foldl' (acc: d: if acc == null then null else acc.typeMerge d.value.functor) (head defs).value (tail defs);
        in
        if length defs == 1 then (head defs).value
        else if merged == null then
          throw "The option `${showOption loc}' is defined with types that cannot be merged, in ${showFiles (getFiles defs)}."
        else merged;
    };

    listOf = elemType: mkOptionType {
      name = "listOf";
      description = "list of ${phrase nounOrComposite elemType}";
      descriptionClass = "composite";
      check = isList;
      # Each element is merged on its own, so mkIf and submodule defaults work inside lists.
      # (The fast path applied to its type: a list option's merge is no Nix call of its own.)
      merge = mergeList elemType;
      emptyValue = { value = [ ]; };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "*" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: types.listOf (elemType.substSubModules m);
      functor = (defaultFunctor "listOf") // { wrapped = elemType; };
      nestedTypes.elemType = elemType;
    };
    nonEmptyListOf = elemType:
      let list = addCheck (types.listOf elemType) (l: l != [ ]); in
      list // {
        description = "non-empty ${phrase (c: c == "noun") list}";
        emptyValue = { };
        substSubModules = m: types.nonEmptyListOf (elemType.substSubModules m);
      };

    attrsOf = elemType: attrsWith { inherit elemType; };
    lazyAttrsOf = elemType: attrsWith { inherit elemType; lazy = true; };

    nullOr = elemType: mkOptionType {
      name = "nullOr";
      description = "null or ${phrase nounOrConjunction elemType}";
      descriptionClass = "conjunction";
      check = x: x == null || elemType.check x;
      merge = loc: defs:
        let nulls = count (d: d.value == null) defs; in
        if nulls == length defs then null
        else if nulls != 0 then
          throw "The option `${showOption loc}' is defined both null and not null, in ${showFiles (getFiles defs)}."
        else elemType.merge loc defs;
      emptyValue = { value = null; };
      getSubOptions = elemType.getSubOptions;
      getSubModules = elemType.getSubModules;
      substSubModules = m: types.nullOr (elemType.substSubModules m);
      functor = (defaultFunctor "nullOr") // { wrapped = elemType; };
      nestedTypes.elemType = elemType;
    };

    functionTo = elemType: mkOptionType {
      name = "functionTo";
      description = "function that evaluates to a(n) ${phrase nounOrComposite elemType}";
      descriptionClass = "composite";
      check = isFunction;
      # Calling the merged function calls every definition and merges the results.
      merge = loc: defs: {
        __functionArgs = zipAttrsWith (_: all (x: x)) (map (d: lib.trivial.functionArgs d.value) defs);
        __functor = _: arg:
          (mergeDefinitions (loc ++ [ "<function body>" ]) elemType
            (map (d: { inherit (d) file; pos = d.pos or null; value = d.value arg; }) defs)).mergedValue;
      };
      getSubOptions = prefix: elemType.getSubOptions (prefix ++ [ "<function body>" ]);
      getSubModules = elemType.getSubModules;
      substSubModules = m: types.functionTo (elemType.substSubModules m);
      functor = (defaultFunctor "functionTo") // { wrapped = elemType; };
      nestedTypes.elemType = elemType;
    };

    uniq = unique { message = ""; };

    oneOf = ts:
      if ts == [ ] then throw "types.oneOf needs at least one type"
      else foldl' either (head ts) (tail ts);

    # Definitions of `coercedType` are turned into `finalType` by `coerceFunc` before merging.
    coercedTo = coercedType: coerceFunc: finalType:
      if coercedType.getSubModules != null then throw "types.coercedTo: the type to coerce from must not contain submodules"
      else mkOptionType {
        name = "coercedTo";
        description = "${phrase (c: c == "noun") finalType} or ${phrase (c: c == "noun") coercedType} convertible to it";
        check = x: (coercedType.check x && finalType.check (coerceFunc x)) || finalType.check x;
        merge = loc: defs:
          finalType.merge loc (map (d: d // { value = if coercedType.check d.value then coerceFunc d.value else d.value; }) defs);
        emptyValue = finalType.emptyValue;
        getSubOptions = finalType.getSubOptions;
        getSubModules = finalType.getSubModules;
        substSubModules = m: types.coercedTo coercedType coerceFunc (finalType.substSubModules m);
        typeMerge = _: null;
        functor = (defaultFunctor "coercedTo") // { wrapped = finalType; };
        nestedTypes = { inherit coercedType finalType; };
      };

    enum = values:
      let
        show = v:
          if isString v then ''"${v}"''
          else if isInt v then toString v
          else if isBool v then lib.trivial.boolToString v
          else ''<${typeOf v}>'';
      in
      mkOptionType {
        name = "enum";
        description =
          if values == [ ] then "impossible (empty enum)"
          else if length values == 1 then "value ${show (head values)} (singular enum)"
          else "one of ${concatMapStringsSep ", " show values}";
        descriptionClass = if length values < 2 then "noun" else "conjunction";
        check = x: builtins.elem x values;
        merge = mergeEqualOption;
        functor = (defaultFunctor "enum") // {
          type = types.enum;
          payload = values;
          binOp = a: b: lib.lists.unique (a ++ b);
        };
      };

    submodule = modules: submoduleWith {
      shorthandOnlyDefinesConfig = true;
      modules = lib.lists.toList modules;
    };
    deferredModule = deferredModuleWith { };
  };
in
types
