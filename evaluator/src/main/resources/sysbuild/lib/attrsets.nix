# Functions on attribute sets.
lib:
let
  inherit (builtins) attrNames attrValues isAttrs length elemAt head tail foldl' filter
    listToAttrs mapAttrs concatMap hasAttr getAttr genList;
in
rec {
  inherit (builtins) attrNames attrValues hasAttr getAttr removeAttrs intersectAttrs listToAttrs
    mapAttrs catAttrs zipAttrsWith;

  nameValuePair = name: value: { inherit name value; };

  # The value at `path` (a list of names) in `set`, or `default` if some name is missing.
  attrByPath = path: default: set:
    let
      n = length path;
      go = i: s:
        if i == n then s
        else let name = elemAt path i; in
          if isAttrs s && s ? ${name} then go (i + 1) s.${name} else default;
    in
    go 0 set;
  hasAttrByPath = path: set:
    let
      n = length path;
      go = i: s: i == n || (let name = elemAt path i; in isAttrs s && s ? ${name} && go (i + 1) s.${name});
    in
    go 0 set;
  getAttrFromPath = path: set:
    if hasAttrByPath path set then attrByPath path null set
    else throw "cannot find attribute `${lib.strings.concatStringsSep "." path}'";
  setAttrByPath = path: value:
    let
      n = length path;
      go = i: if i == n then value else { ${elemAt path i} = go (i + 1); };
    in
    go 0;
  attrVals = names: set: map (n: set.${n}) names;
  getAttrs = names: set: listToAttrs (map (n: nameValuePair n set.${n}) names);

  filterAttrs = pred: set:
    listToAttrs (concatMap (name: let v = set.${name}; in if pred name v then [ (nameValuePair name v) ] else [ ]) (attrNames set));
  filterAttrsRecursive = pred: set:
    listToAttrs (concatMap (name:
      let v = set.${name}; in
      if pred name v then [ (nameValuePair name (if isAttrs v then filterAttrsRecursive pred v else v)) ] else [ ]
    ) (attrNames set));

  mapAttrs' = f: set: listToAttrs (map (name: f name set.${name}) (attrNames set));
  mapAttrsToList = f: set: map (name: f name set.${name}) (attrNames set);
  attrsToList = mapAttrsToList nameValuePair;
  concatMapAttrs = f: set: foldl' (acc: attrs: acc // attrs) { } (mapAttrsToList f set);
  mapAttrsRecursive = mapAttrsRecursiveCond (_: true);
  # Maps the leaves; a set is descended into only when `cond` holds for it.
  mapAttrsRecursiveCond = cond: f: set:
    let
      go = path: mapAttrs (name: v:
        let p = path ++ [ name ]; in
        if isAttrs v && cond v then go p v else f p v);
    in
    go [ ] set;
  foldlAttrs = f: init: set: foldl' (acc: name: f acc name set.${name}) init (attrNames set);
  # foldAttrs op nul [ { a = 1; } { a = 2; } ] == { a = op 1 (op 2 nul); }
  foldAttrs = op: nul: list:
    mapAttrs (_: vs: lib.lists.foldr op nul vs) (builtins.zipAttrsWith (_: vs: vs) list);
  collect = pred: v:
    if pred v then [ v ]
    else if isAttrs v then concatMap (collect pred) (attrValues v)
    else [ ];
  cartesianProduct = attrs:
    foldl' (acc: name: concatMap (partial: map (x: partial // { ${name} = x; }) attrs.${name}) acc)
      [ { } ] (attrNames attrs);

  genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);
  optionalAttrs = cond: set: if cond then set else { };
  isDerivation = v: isAttrs v && (v.type or null) == "derivation";

  zipAttrsWithNames = names: f: sets:
    listToAttrs (map (name: nameValuePair name (f name (builtins.catAttrs name sets))) names);
  zipAttrs = builtins.zipAttrsWith (_: vs: vs);
  mergeAttrsList = foldl' (a: b: a // b) { };

  # Merges `rhs` into `lhs`, descending while both sides are sets and `pred path l r` is false.
  recursiveUpdateUntil = pred: lhs: rhs:
    let
      go = path: l: r:
        l // mapAttrs (name: rv:
          let p = path ++ [ name ]; in
          if l ? ${name} && isAttrs l.${name} && isAttrs rv && !(pred p l.${name} rv)
          then go p l.${name} rv
          else rv) r;
    in
    go [ ] lhs rhs;
  recursiveUpdate = recursiveUpdateUntil (_: l: r: !(isAttrs l && isAttrs r));

  matchAttrs = pattern: set:
    builtins.all (name:
      set ? ${name} && (let p = pattern.${name}; v = set.${name}; in
        if isAttrs p && isAttrs v then matchAttrs p v else p == v)
    ) (attrNames pattern);
  overrideExisting = old: new: mapAttrs (name: v: new.${name} or v) old;
  unionOfDisjoint = a: b:
    let common = builtins.intersectAttrs a b; in
    if common == { } then a // b
    else throw "unionOfDisjoint: the sets share the attributes ${lib.strings.concatStringsSep ", " (attrNames common)}";

  showAttrPath = path: if path == [ ] then "<root attribute path>" else lib.strings.concatMapStringsSep "." lib.strings.escapeNixIdentifier path;

  recurseIntoAttrs = set: set // { recurseForDerivations = true; };
  dontRecurseIntoAttrs = set: set // { recurseForDerivations = false; };

  getOutput = output: pkg: if !(pkg ? outputSpecified) || !pkg.outputSpecified then pkg.${output} or pkg.out or pkg else pkg;
  getBin = getOutput "bin";
  getLib = getOutput "lib";
  getDev = getOutput "dev";
  getMan = getOutput "man";
}
