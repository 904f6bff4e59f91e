# The module system: evalModules and the definition properties (mkIf, mkMerge, mkOverride,
# mkOrder), with NixOS semantics. docs/modules.md describes how it works.
#
# The evaluation, in order:
#   1. collect   every module (the list given, then their imports, breadth first; a module
#                key seen before is skipped; disabledModules are removed),
#   2. declare   merge all `options` into one tree of option declarations,
#   3. define    push mkMerge/mkIf/mkOverride in each module's `config` down to the
#                attributes, level by level, and hand every option its definitions,
#   4. merge     per option: drop what mkIf turns off, keep the best priority, sort by order,
#                check the type, merge with the type, apply `apply`.
# Everything is lazy: reading one option evaluates only what that option needs.
lib:
let
  inherit (builtins) isAttrs isList isString isPath isBool isFunction attrNames concatMap
    filter length head tail elemAt foldl' mapAttrs zipAttrsWith genericClosure
    unsafeGetAttrPos removeAttrs typeOf sort;
  inherit (lib.lists) imap1 reverseList optional last;
  inherit (lib.attrsets) setAttrByPath recursiveUpdate;
  inherit (lib.options) mkOption isOption showOption showFiles showDefs showDefLocation;
  inherit (lib.trivial) min;
  types = lib.types;

  unknownFile = "<unknown-file>";

  defaultOverridePriority = 100;
  defaultOrderPriority = 1000;

  # --- properties of definitions ---

  mkIf = condition: content: { _type = "if"; inherit condition content; };
  mkMerge = contents: { _type = "merge"; inherit contents; };
  mkOverride = priority: content: { _type = "override"; inherit priority content; };
  mkOrder = priority: content: { _type = "order"; inherit priority content; };

  # --- 1. collecting modules ---

  # Attributes a module with `config` or `options` may have besides them.
  structuredAttrs = [ "_class" "_file" "key" "disabledModules" "imports" "require" "options" "config" "meta" "freeformType" ];
  # Attributes that are not definitions in a module written in the short form.
  shortFormAttrs = [ "_class" "_file" "key" "disabledModules" "imports" "require" "freeformType" ];

  isModuleFunction = m: isFunction m || (isAttrs m && m ? __functor);

  # Calls a module function with the arguments it names: specialArgs and the standard ones
  # first, then `config._module.args`.
  applyModuleArgs = key: f: args: f (args // mapAttrs (moduleArg args key) (lib.trivial.functionArgs f));

  # One named argument of module `key`, forced only when the module reads it. (Also what the
  # Java fast path of collectModules calls for each argument, so both fail in these words.)
  moduleArg = args: key: name: _:
    args.${name} or (args.config._module.args.${name} or (throw
      "The module `${key}' takes the argument `${name}', but neither specialArgs nor _module.args provides it."));

  # A module as written (a path, a function or a set) in a uniform shape.
  loadModule = args: file: key: m:
    if isModuleFunction m then loadAttrs file key (applyModuleArgs key m args)
    else if isAttrs m then loadAttrs file key m
    else if isPath m || isString m then
      let path = toString m; value = import m; in
      if isModuleFunction value then loadAttrs path path (applyModuleArgs path value args)
      else if isAttrs value then loadAttrs path path value
      else throw "The module `${path}' is a ${typeOf value}, not a function or an attribute set."
    else throw "A module must be a path, a function or an attribute set, but ${key} (in `${file}') is a ${typeOf m}.";

  loadAttrs = file: key: m:
    let
      file' = toString (m._file or file);
      structured = m ? config || m ? options;
      extra = attrNames (removeAttrs m structuredAttrs);
      config = if structured then m.config or { } else removeAttrs m shortFormAttrs;
    in
    if structured && extra != [ ] then
      let pos = unsafeGetAttrPos (head extra) m; at = if pos == null then "" else " (at ${pos.file}:${toString pos.line})"; in
      throw ("Module `${file'}' has an unsupported attribute `${head extra}'${at}. This is caused by introducing a top-level"
        + " `config' or `options' attribute. Add configuration attributes immediately on the top level instead,"
        + " or move all of them (namely: ${builtins.concatStringsSep " " extra}) into the explicit `config' attribute.")
    else {
      file = file';
      key = toString (m.key or key);
      imports = (m.imports or [ ]) ++ (m.require or [ ]);
      disabledModules = m.disabledModules or [ ];
      options = m.options or { };
      config = if m ? freeformType then mkMerge [ { _module.freeformType = m.freeformType; } config ] else config;
    };

  # All modules, breadth first, each key once; then without the disabled ones (and whatever
  # only they imported).
  # The Java fast path (dev.sysbuild.eval.modules.ModuleClosure) gives the same list, loading each
  # module as loadModule does (its arguments through moduleArg), or null on any error or shape it
  # does not handle: then collectModulesNix below runs, for its error messages (called from here
  # either way, so that even the context lines of an error are the same).
  collectModules = args: modules:
    let collected = __sysbuildCollectModules collectHelpers args modules; in
    if collected == null then collectModulesNix args modules else collected;
  collectHelpers = {
    inherit loadAttrs moduleArg unknownFile;
    importModule = import;
    # A record as loadAttrs makes it: the fast path's records have its attribute positions.
    record = loadAttrs unknownFile "" { };
  };

  collectModulesNix = args: modules:
    let
      entry = file: key: m: let loaded = loadModule args file key m; in { inherit (loaded) key; module = loaded; };
      roots = imap1 (i: entry unknownFile ":anon-${toString i}") modules;
      importsOf = e:
        if isList e.module.imports
        then imap1 (i: entry e.module.file "${e.key}:anon-${toString i}") e.module.imports
        else throw "The `imports' of module `${e.module.file}' must be a list, but it is a ${typeOf e.module.imports}.";
      all = genericClosure { startSet = roots; operator = importsOf; };
      disabled = concatMap (e: map (disabledKey e.module.file) e.module.disabledModules) all;
      keep = e: !(builtins.elem e.key disabled);
      kept = if disabled == [ ] then all
        else genericClosure { startSet = filter keep roots; operator = e: filter keep (importsOf e); };
    in
    map (e: e.module) kept;

  disabledKey = file: d:
    if isAttrs d && d ? key then toString d.key
    else if isPath d || (isString d && lib.strings.hasPrefix "/" d) then toString d
    else if isString d then d
    else throw "Each entry of disabledModules (in `${file}') must be a path, a string or a set with a `key'.";

  # --- 2. declarations ---

  # The option tree: each name is either { isOption = true; option } (the merged declaration)
  # or { isOption = false; children }.
  # The Java fast path (dev.sysbuild.eval.modules.Declarations) gives the same tree, building the
  # node of a name declared once by an option itself and handing everything else to the functions here.
  mergeDeclarations = __sysbuildMergeDeclarations {
    nix = mergeDeclarationsNix;
    node = declarationNode;
    optionDecls = mergeOptionDecls;
    unspecified = types.unspecified;
    inherit unsafeGetAttrPos;
  };

  mergeDeclarationsNix = loc: sources:
    let
      byName = zipAttrsWith (_: ds: ds) (map (s:
        mapAttrs (name: value: { inherit (s) file; inherit value; pos = unsafeGetAttrPos name s.attrs; }) s.attrs
      ) sources);
    in
    mapAttrs (name: declarationNode (loc ++ [ name ])) byName;

  declarationNode = loc: ds:
    let
      opts = filter (d: isOption d.value) ds;
      groups = filter (d: !isOption d.value) ds;
      asGroup = d:
        if isAttrs d.value && (d.value._type or null) == null then { inherit (d) file; attrs = d.value; }
        else if (d.value._type or null) == "option-type" then
          throw "The option declaration `${showOption loc}' in `${d.file}' is a type, not an option: write `lib.mkOption { type = ...; }'."
        else throw "The option declaration `${showOption loc}' in `${d.file}' is neither an option (lib.mkOption) nor a set of options.";
      # Sub-options declared next to an option of a submodule type extend that submodule.
      asSubmoduleOption = d: d // {
        value = mkOption { type = types.submodule { _file = d.file; options = d.value; }; };
      };
    in
    if opts == [ ] then { isOption = false; children = mergeDeclarations loc (map asGroup ds); }
    else if groups == [ ] then { isOption = true; option = mergeOptionDecls loc opts; }
    else if builtins.all (d: (d.value.type.name or null) == "submodule") opts
    then { isOption = true; option = mergeOptionDecls loc (opts ++ map asSubmoduleOption groups); }
    else throw "The option `${showOption loc}' in `${(head opts).file}' is a prefix of options in `${(head groups).file}'.";

  # Several declarations of one option: each attribute may be given once, except `type`,
  # which is merged when the types allow it (e.g. two submodules).
  mergeOptionDecls = loc: decls:
    # One declaration (almost every option): what the fold below gives for it, without the fold.
    # (The fold forces the declared type; so does the seq.)
    if length decls == 1 then
      let d = head decls; in
      builtins.seq (d.value.type or null) d.value // {
        _type = "option";
        declarations = [ d.file ];
        type = d.value.type or types.unspecified;
        declarationPositions = if d.pos == null then [ ] else [ d.pos ];
      }
    else
    let
      once = [ "default" "example" "description" "apply" "defaultText" ];
      merged = foldl' (acc: d:
        let
          o = removeAttrs d.value [ "_type" ];
          clash = filter (n: o ? ${n} && acc ? ${n}) once;
          type =
            if !(acc ? type) then o.type or null
            else if !(o ? type) then acc.type
            else acc.type.typeMerge o.type.functor;
        in
        if clash != [ ] || (acc ? type && o ? type && type == null) then
          throw "The option `${showOption loc}' in `${d.file}' is already declared in ${showFiles acc.declarations}."
        else acc // o // { declarations = acc.declarations ++ [ d.file ]; }
          // (if type == null then { } else { inherit type; })
      ) { declarations = [ ]; } decls;
    in
    merged // {
      _type = "option";
      type = merged.type or types.unspecified;
      declarationPositions = filter (p: p != null) (map (d: d.pos) decls);
    };

  # --- 3. definitions ---

  # A module's `config` (or a definition of a set of options) as a list of layers: plain
  # attribute sets plus what wraps each of their attributes (mkIf/mkOverride pushed down).
  pushDown = where: wrap: cfg:
    if isAttrs cfg then
      let t = cfg._type or null; in
      if t == "merge" then concatMap (pushDown where wrap) cfg.contents
      else if t == "if" then pushDown where (v: wrap (mkIf cfg.condition v)) cfg.content
      else if t == "override" then pushDown where (v: wrap (mkOverride cfg.priority v)) cfg.content
      else [ { inherit (where) file; inherit wrap; attrs = cfg; } ]
    else throw ("The definition of `${showOption where.loc}' in `${showDefLocation where}' is a ${typeOf cfg},"
      + " but `${showOption where.loc}' is a set of options, so it must be an attribute set. Definition value:${showDefs [ (where // { value = cfg; }) ]}");

  id = x: x;

  # One level of the tree: every declared name gets its definitions from all layers;
  # defined names nobody declared are `unmatched` (for freeformType or the error).
  # The Java fast path (dev.sysbuild.eval.modules.Level) gives the same record, and hands over to
  # mergeLevelNix below whenever anything fails, for its error messages.
  mergeLevel = __sysbuildMergeLevel {
    nix = mergeLevelNix;
    inherit evalOptionValue pushDown id unsafeGetAttrPos;
  };

  mergeLevelNix = loc: tree: layers:
    let
      defsByName = zipAttrsWith (_: ds: ds) (map (l:
        mapAttrs (name: raw: { inherit (l) file wrap; inherit raw; pos = unsafeGetAttrPos name l.attrs; }) l.attrs
      ) layers);
      results = mapAttrs (name: node:
        let
          defs = defsByName.${name} or [ ];
          loc' = loc ++ [ name ];
        in
        if node.isOption then
          { isOption = true; option = evalOptionValue loc' node.option (map (d: { inherit (d) file pos; value = d.wrap d.raw; }) defs); }
        else
          { isOption = false; level = mergeLevel loc' node.children (concatMap (d: pushDown (d // { loc = loc'; }) d.wrap d.raw) defs); }
      ) tree;
      unmatchedHere = concatMap (name:
        if tree ? ${name} then [ ]
        else map (d: { path = [ name ]; inherit (d) file pos; value = d.wrap d.raw; declared = attrNames tree; }) defsByName.${name}
      ) (attrNames defsByName);
      unmatchedBelow = concatMap (name:
        let r = results.${name}; in
        if r.isOption then [ ] else map (u: u // { path = [ name ] ++ u.path; }) r.level.unmatched
      ) (attrNames results);
    in
    {
      config = mapAttrs (_: r: if r.isOption then r.option.value else r.level.config) results;
      options = mapAttrs (_: r: if r.isOption then r.option else r.level.options) results;
      unmatched = unmatchedHere ++ unmatchedBelow;
    };

  # --- 4. merging the definitions of one option ---

  # The Java fast path (dev.sysbuild.eval.modules.OptionValue) gives the same record, and hands
  # over to evalOptionValueNix below whenever anything fails, for its error messages.
  evalOptionValue = __sysbuildEvalOptionValue {
    nix = evalOptionValueNix;
    inherit mergeDefinitions showOption unsafeGetAttrPos;
    toStringOf = loc: _: showOption loc;
  };

  evalOptionValueNix = loc: opt: defs:
    let
      defaultDef = { file = head opt.declarations; pos = unsafeGetAttrPos "default" opt; value = mkOverride 1500 opt.default; };
      defs' = optional (opt ? default) defaultDef ++ defs;
      # Each definition on its own, to show what it would have set.
      separately = map (d: d // { value = (mergeDefinitions loc opt.type [ d ]).mergedValue; }) defs';
      res =
        if opt.readOnly or false && length defs' > 1 then
          throw "The option `${showOption loc}' is read-only, but it's set multiple times. Definition values:${showDefs separately}"
        else mergeDefinitions loc opt.type defs';
      value = if opt.apply or null != null then opt.apply res.mergedValue else res.mergedValue;
    in
    opt // {
      value = builtins.addErrorContext "while evaluating the option `${showOption loc}':" value;
      inherit loc;
      inherit (res) isDefined highestPrio;
      definitions = map (d: d.value) res.defsFinal;
      definitionsWithLocations = map (d: { inherit (d) file value; }) res.defsFinal;
      files = map (d: d.file) res.defsFinal;
      # Where each definition was made ({ file; line; column; }, or null), for `sysbuild options show`.
      definitionPositions = map (d: d.pos or null) res.defsFinal;
      # So that "${options.a.b}" shows the option's path.
      __toString = _: showOption loc;
    };

  # The plain values behind a definition value: mkMerge spread, mkIf decided, mkOverride and
  # mkOrder taken off (the outermost of each counts).
  discharge = loc: def: prio: order: v:
    let t = if isAttrs v then v._type or null else null; in
    if t == "merge" then concatMap (discharge loc def prio order) v.contents
    else if t == "if" then
      (if v.condition == true then discharge loc def prio order v.content
      else if v.condition == false then [ ]
      else throw "mkIf called with a non-Boolean condition (a ${typeOf v.condition}) in a definition of `${showOption loc}' in `${showDefLocation def}'.")
    else if t == "override" then discharge loc def (if prio == null then v.priority else prio) order v.content
    else if t == "order" then discharge loc def prio (if order == null then v.priority else order) v.content
    else [ (def // {
      value = v;
      prio = if prio == null then defaultOverridePriority else prio;
      order = if order == null then defaultOrderPriority else order;
    }) ];

  # The Java fast path (dev.sysbuild.eval.modules.MergedDefinitions) gives the same record, and
  # hands over to mergeDefinitionsNix below whenever anything fails, for its error messages.
  # (Given mergeEqualOption, the merge of scalar types, to take the one definition's value without the call.)
  mergeDefinitions = __sysbuildMergeDefinitions { nix = mergeDefinitionsNix; inherit (lib.options) mergeEqualOption; };

  mergeDefinitionsNix = loc: type: defs:
    let
      # One plain definition (the common case of list elements) cannot hold properties.
      simple = length defs == 1 && !(isAttrs (head defs).value);
      all =
        if simple then [ (head defs // { prio = defaultOverridePriority; order = defaultOrderPriority; }) ]
        else concatMap dischargeDef defs;
      # What discharge gives, without its recursion, for the two shapes almost every
      # definition has: a plain value, and an option default (mkOverride 1500 of a plain value).
      isPlain = v: !(isAttrs v) || !(v ? _type);
      dischargeDef = d:
        let v = d.value; in
        if isPlain v then [ (d // { prio = defaultOverridePriority; order = defaultOrderPriority; }) ]
        else if v._type == "override" && isPlain v.content then [ (d // {
          value = v.content;
          prio = if v.priority == null then defaultOverridePriority else v.priority;
          order = defaultOrderPriority;
        }) ]
        else discharge loc d null null v;
      highestPrio = foldl' (p: d: min p d.prio) 9999 all;
      best = if simple then all else filter (d: d.prio == highestPrio) all;
      defsFinal =
        if builtins.any (d: d.order != defaultOrderPriority) best then sort (a: b: a.order < b.order) best else best;
      isDefined = defsFinal != [ ];
      invalid = filter (d: !(type.check d.value)) defsFinal;
      mergedValue =
        if !isDefined then
          throw "The option `${showOption loc}' was accessed but has no value defined. Try setting the option."
        else if invalid != [ ] then
          throw "A definition for option `${showOption loc}' is not of type `${type.description}'. Definition values:${showDefs invalid}"
        else type.merge loc defsFinal;
    in
    {
      inherit defsFinal isDefined highestPrio mergedValue;
      optionalValue = if isDefined then { value = mergedValue; } else { };
    };

  # --- evalModules ---

  # The options of `_module` every evalModules declares. They depend on nothing of the call, so
  # they are made once, not once per evaluation (each entry of an attrsOf submodule is one).
  internalOptions = {
    args = mkOption {
      type = types.lazyAttrsOf types.raw;
      internal = true;
      description = "Additional arguments passed to each module, besides lib, config, options and specialArgs.";
    };
    check = mkOption {
      type = types.bool;
      internal = true;
      default = true;
      description = "Whether to check that every definition has a matching option declaration.";
    };
    freeformType = mkOption {
      type = types.nullOr types.optionType;
      internal = true;
      default = null;
      description = "If set, definitions of undeclared options are merged with this type into config.";
    };
    specialArgs = mkOption {
      type = types.raw;
      internal = true;
      readOnly = true;
      description = "The specialArgs given to evalModules.";
    };
  };

  evalModules = evalArgs@{ modules, prefix ? [ ], specialArgs ? { }, args ? { }, check ? true, class ? null }:
    let
      internalModule = {
        _file = "<sysbuild/lib/modules.nix>";
        key = "<sysbuild/lib/modules.nix>#_module";
        options._module = internalOptions;
        config._module = {
          args = { inherit extendModules; moduleType = type; } // args;
          check = lib.mkDefault check;
          inherit specialArgs;
        };
      };

      moduleArgs = { inherit lib options config specialArgs; _class = class; } // specialArgs;
      collected = collectModules moduleArgs (modules ++ [ internalModule ]);
      tree = mergeDeclarations prefix (map (m: { inherit (m) file; attrs = m.options; }) collected);
      # Definitions merge in the reverse of the collection order, as in NixOS.
      # (The Java fast path, dev.sysbuild.eval.modules.ModuleLayers, gives the same list, or null on
      # any error: then the Nix expression runs, for its errors.)
      layers = let l = __sysbuildModuleLayers { inherit pushDown id; } prefix collected; in
        if l == null then concatMap (m: pushDown { inherit (m) file; pos = null; loc = prefix; } id m.config) (reverseList collected)
        else l;
      merged = mergeLevel prefix tree layers;

      declaredConfig = merged.config;
      freeformType = declaredConfig._module.freeformType;
      freeformConfig =
        if merged.unmatched == [ ] then { }
        else freeformType.merge prefix (map (u: { inherit (u) file pos; value = setAttrByPath u.path u.value; }) merged.unmatched);
      config = if freeformType == null then declaredConfig else recursiveUpdate freeformConfig declaredConfig;
      options = merged.options;

      checked =
        if declaredConfig._module.check && freeformType == null && merged.unmatched != [ ]
        then undeclaredError prefix (head merged.unmatched)
        else null;

      type = types.submoduleWith { inherit modules specialArgs class; };
      extendModules = extendArgs@{ modules ? [ ], specialArgs ? { }, prefix ? [ ] }:
        evalModules (evalArgs // {
          modules = evalArgs.modules ++ modules;
          specialArgs = evalArgs.specialArgs or { } // specialArgs;
          prefix = extendArgs.prefix or evalArgs.prefix or [ ];
        });
    in
    {
      _type = "configuration";
      config = builtins.seq checked (removeAttrs config [ "_module" ]);
      options = builtins.seq checked options;
      _module = builtins.seq checked config._module;
      inherit type extendModules class;
    };

  undeclaredError = prefix: u:
    let
      path = prefix ++ u.path;
      name = last u.path;
      close = filter (n: n != "_module" && lib.strings.levenshtein name n <= 2 + (lib.strings.stringLength name) / 4) u.declared;
      suggestion =
        if close == [ ] then ""
        else "\nDid you mean ${lib.strings.concatMapStringsSep " or " (n: "`${showOption (lib.lists.init path ++ [ n ])}'") close}?";
      hint =
        if u.declared == [ "_module" ] && lib.lists.length u.path == 1
        then "\n\nIt seems as if you're trying to declare an option by placing it into `config' rather than `options'!"
        else "";
    in
    throw "The option `${showOption path}' does not exist. Definition values:${showDefs [ u ]}${suggestion}${hint}";

  # --- option renames and removals ---

  # Definitions of `from` go to `to` (keeping their priority); reading `from` gives `to`'s
  # value with a trace warning, and a warning is added to `warnings` if that option exists.
  doRename = { from, to, visible ? false, warn ? true, use ? (x: x), withPriority ? true, condition ? true }:
    { config, options, ... }:
    let
      fromOpt = lib.attrsets.getAttrFromPath from options;
      toOf = lib.attrsets.attrByPath to (abort "Renaming error: option `${showOption to}' does not exist.");
      toType = (lib.attrsets.attrByPath to { } options).type or (types.submodule { });
    in
    {
      options = setAttrByPath from (mkOption {
        inherit visible;
        description = "Alias of {option}`${showOption to}`.";
        apply = x: use (toOf config);
      } // lib.attrsets.optionalAttrs (toType != null) { type = toType; });
      config = mkIf condition (mkMerge [
        (lib.attrsets.optionalAttrs (options ? warnings) {
          warnings = optional (warn && fromOpt.isDefined)
            "The option `${showOption from}' defined in ${showFiles fromOpt.files} has been renamed to `${showOption to}'.";
        })
        (if withPriority then mkAliasAndWrapDefsWithPriority (setAttrByPath to) fromOpt
        else mkAliasAndWrapDefinitions (setAttrByPath to) fromOpt)
      ]);
    };

  mkRenamedOptionModule = from: to: doRename {
    inherit from to;
    use = builtins.trace "Obsolete option `${showOption from}' is used. It was renamed to `${showOption to}'.";
  };
  mkRenamedOptionModuleWith = { from, to, sinceRelease }: doRename {
    inherit from to;
    warn = lib.trivial.isInOldestRelease sinceRelease;
    use = lib.trivial.warnIf (lib.trivial.isInOldestRelease sinceRelease)
      "Obsolete option `${showOption from}' is used. It was renamed to `${showOption to}'.";
  };
  mkAliasOptionModule = from: to: doRename { inherit from to; warn = false; };

  # Defining `optionName` fails (through `assertions`) with the instructions; reading it throws.
  mkRemovedOptionModule = optionName: replacementInstructions:
    { options, ... }:
    {
      options = setAttrByPath optionName (mkOption {
        visible = false;
        apply = _: throw "The option `${showOption optionName}' can no longer be used since it's been removed. ${replacementInstructions}";
      });
      config.assertions =
        let opt = lib.attrsets.getAttrFromPath optionName options; in
        [ {
          assertion = !opt.isDefined;
          message = "The option definition `${showOption optionName}' in ${showFiles opt.files} no longer has any effect; please remove it.\n${replacementInstructions}\n";
        } ];
    };

  # `to` takes the value `f config` computed from the old options, when any of them is defined.
  mkMergedOptionModule = from: to: mergeFn:
    { config, options, ... }:
    let
      unset = "_mkMergedOptionModule";
      isSet = path: (lib.attrsets.getAttrFromPath path options).value != unset;
    in
    {
      options = foldl' (acc: path: recursiveUpdate acc (setAttrByPath path (mkOption { visible = false; default = unset; }))) { } from;
      config = mkMerge [
        (lib.attrsets.optionalAttrs (options ? warnings) {
          warnings = concatMap (path:
            optional (isSet path)
              "The option `${showOption path}' defined in ${showFiles (lib.attrsets.getAttrFromPath path options).files} has been changed to `${showOption to}' that has a different type. Please read `${showOption to}' documentation and update your configuration accordingly."
          ) from;
        })
        (mkIf (builtins.any isSet from) (setAttrByPath to (mergeFn config)))
      ];
    };
  mkChangedOptionModule = from: to: changeFn:
    mkMergedOptionModule [ from ] to changeFn;

  mkAliasIfDef = option: mkIf (isOption option && option.isDefined);
  mkAliasDefinitions = mkAliasAndWrapDefinitions id;
  mkAliasAndWrapDefinitions = wrap: option: mkAliasIfDef option (wrap (mkMerge option.definitions));
  mkAliasAndWrapDefsWithPriority = wrap: option:
    let prio = option.highestPrio or defaultOverridePriority; in
    mkAliasIfDef option (wrap (mkMerge (map (mkOverride prio) option.definitions)));

  # Modules imported from `file` unless they say otherwise.
  setDefaultModuleLocation = file: m: { _file = file; imports = [ m ]; };

  # Sorting by mkOrder, as mergeDefinitions does (for types that merge by hand).
  sortProperties = defs:
    let
      strip = d: if (d.value._type or null) == "order" then d // { value = d.value.content; priority = d.value.priority; } else d;
    in
    sort (a: b: (a.priority or defaultOrderPriority) < (b.priority or defaultOrderPriority)) (map strip defs);
  dischargeProperties = v: map (d: d.value) (discharge [ ] { file = unknownFile; } null null v);
  filterOverrides = defs: (filterOverrides' defs).values;
  filterOverrides' = defs:
    let
      prioOf = d: if (d.value._type or null) == "override" then d.value.priority else defaultOverridePriority;
      highestPrio = foldl' (p: d: min p (prioOf d)) 9999 defs;
      strip = d: if (d.value._type or null) == "override" then d // { value = d.value.content; } else d;
    in
    { inherit highestPrio; values = map strip (filter (d: prioOf d == highestPrio) defs); };
  pushDownProperties = cfg: map (l: mapAttrs (_: l.wrap) l.attrs) (pushDown { file = unknownFile; pos = null; loc = [ ]; } id cfg);
in
{
  inherit evalModules mergeDefinitions evalOptionValue
    mkIf mkMerge mkOverride mkOrder
    mkRenamedOptionModule mkRenamedOptionModuleWith mkAliasOptionModule mkRemovedOptionModule
    mkMergedOptionModule mkChangedOptionModule doRename
    mkAliasDefinitions mkAliasAndWrapDefinitions mkAliasAndWrapDefsWithPriority mkAliasIfDef
    setDefaultModuleLocation sortProperties dischargeProperties filterOverrides filterOverrides'
    pushDownProperties defaultOverridePriority defaultOrderPriority collectModules;
  defaultPriority = defaultOverridePriority;
  mkOptionDefault = mkOverride 1500;
  mkDefault = mkOverride 1000;
  mkImageMediaOverride = mkOverride 60;
  mkForce = mkOverride 50;
  mkVMOverride = mkOverride 10;
  mkBefore = mkOrder 500;
  mkAfter = mkOrder 1500;
  mkFixStrictness = x: x;
  mkStrict = x: x;
}
