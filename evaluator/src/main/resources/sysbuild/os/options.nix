# What `sysbuild options` asks of a configuration: the option reference (`list`) and one
# option in detail (`show`). `configuration` null means no system.conf: the bundled options
# with their defaults.
{ configuration ? null, system ? builtins.currentSystem }:
let
  os = import ./. { configuration = if configuration == null then { } else configuration; inherit system; };
  inherit (os) lib options config;
  inherit (builtins) filter length elemAt isAttrs;

  docs = filter (d: d.visible == true && !d.internal) (lib.optionAttrSetToDocList options);

  position = p: if p == null then null else "${p.file}:${toString p.line}";
  # The value as Nix text; an error here (a conflict, a wrong type) propagates, and the CLI
  # shows its message in place of the value.
  pretty = v: lib.generators.toPretty { } v;

  # Walks the option tree along `path` to the option that holds it; `rest` is what lies
  # below that option (inside a submodule value, e.g. [ "alice" "home" ] under users.users).
  locate = tree: path: i:
    if lib.isOption tree then { option = tree; rest = lib.drop i path; }
    else if i < length path && isAttrs tree && tree ? ${elemAt path i} then locate tree.${elemAt path i} path (i + 1)
    else null;

  # The declaration of a sub-option inside a submodule: its options with `<name>` in the path.
  subDeclaration = opt: rest:
    let sub = opt.type.getSubOptions opt.loc; in
    if rest == [ ] then opt
    else
      let
        # attrsOf/listOf of submodule: skip the instance name.
        below = if sub != { } && !(sub ? ${lib.head rest}) then lib.tail rest else rest;
        found = locate sub below 0;
      in
      if found == null then null else subDeclaration found.option found.rest;

  show = path:
    let
      found = locate options path 0;
      opt = found.option;
      decl = subDeclaration opt found.rest;
      value = lib.attrByPath path null config;
      hasValue = lib.hasAttrByPath path config;
      defs = lib.zipListsWith (d: pos: d // { inherit pos; }) opt.definitionsWithLocations opt.definitionPositions;
    in
    if found == null then { error = "no such option"; }
    else if decl == null then { error = "no such option"; }
    else {
      name = lib.showOption path;
      type = decl.type.description or "unspecified";
      description = decl.description or null;
      default = if decl ? defaultText || decl ? default then lib.options.renderValue (decl.defaultText or decl.default) else null;
      # Inside a submodule value the definitions are those of the enclosing option.
      definedVia = if found.rest == [ ] then null else lib.showOption opt.loc;
      value = if hasValue then pretty value else null;
      declarations = map position (decl.declarationPositions or [ ]);
      declarationFiles = map toString (decl.declarations or [ ]);
      definitions = map (d: if d.pos == null then toString d.file else position d.pos)
        (filter (d: found.rest == [ ] || (isAttrs d.value && d.value ? ${lib.head found.rest})) defs);
    };
in
{
  list = map (d: { inherit (d) name type description readOnly; default = d.default or null; example = d.example or null; declarations = map toString d.declarations; }) docs;
  inherit show;
}
