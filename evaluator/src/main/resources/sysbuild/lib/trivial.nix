# Small combinators on functions, booleans and numbers, and the warning helpers.
lib:
let
  inherit (builtins) isAttrs foldl' trace;
in
rec {
  id = x: x;
  const = x: _: x;
  flip = f: a: b: f b a;
  # Applies the functions in order: pipe x [ f g ] == g (f x).
  pipe = foldl' (x: f: f x);
  concat = a: b: a ++ b;
  or = a: b: a || b;
  and = a: b: a && b;
  xor = a: b: a != b;
  boolToString = b: if b then "true" else "false";
  mergeAttrs = a: b: a // b;
  defaultTo = default: v: if v == null then default else v;

  max = a: b: if a > b then a else b;
  min = a: b: if a < b then a else b;
  mod = a: b: a - (a / b) * b;
  compare = a: b: if a < b then -1 else if a > b then 1 else 0;

  inherit (builtins) seq deepSeq bitAnd bitOr bitXor isInt isBool isFloat isList isAttrs isPath isString typeOf;

  # Functions, and attribute sets callable through __functor.
  isFunction = f: builtins.isFunction f || (isAttrs f && f ? __functor);

  # A function that `functionArgs` describes as taking `args`.
  setFunctionArgs = f: args: { __functor = self: f; __functionArgs = args; };
  # Like builtins.functionArgs, also for __functor sets.
  functionArgs = f:
    if isAttrs f then f.__functionArgs or (functionArgs (f.__functor f))
    else builtins.functionArgs f;
  mirrorFunctionArgs = f: g: setFunctionArgs g (functionArgs f);
  toFunction = v: if isFunction v then v else _: v;

  fix = f: let x = f x; in x;
  fix' = f: let x = f x // { __unfix__ = f; }; in x;
  # Overlays an extension `g` (final: prev: ...) onto a function of `final`.
  extends = g: f: final: let prev = f final; in prev // g final prev;
  composeExtensions = g: h: final: prev:
    let fromG = g final prev; in fromG // h final (prev // fromG);
  composeManyExtensions = builtins.foldl' composeExtensions (_: _: { });
  makeExtensible = rattrs:
    let self = rattrs self // { extend = g: makeExtensible (extends g rattrs); }; in self;

  warn = msg: trace "warning: ${msg}";
  warnIf = cond: msg: if cond then warn msg else x: x;
  warnIfNot = cond: msg: if cond then x: x else warn msg;
  throwIf = cond: msg: if cond then throw msg else x: x;
  throwIfNot = cond: msg: if cond then x: x else throw msg;
  info = msg: trace "INFO: ${msg}";
  # Prints each warning (the first one first) when the value is forced.
  showWarnings = warnings: value: lib.lists.foldr warn value warnings;

  importJSON = path: builtins.fromJSON (builtins.readFile path);
  importTOML = path: builtins.fromTOML (builtins.readFile path);

  version = "25.05";
  release = "25.05";
  codeName = "sysbuild";
  oldestSupportedRelease = 2311;
  isInOldestRelease = release: release <= oldestSupportedRelease;
  inPureEvalMode = !(builtins ? currentSystem);
}
