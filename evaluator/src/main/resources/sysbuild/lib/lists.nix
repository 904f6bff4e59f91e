# Functions on lists. Most are written with builtins.genList or foldl' so that they stay linear.
lib:
let
  inherit (builtins) length elemAt genList foldl' filter concatLists head tail isList;
in
rec {
  inherit (builtins) map elem elemAt length head tail filter concatLists concatMap genList
    sort any all partition groupBy;
  inherit foldl';

  singleton = x: [ x ];
  forEach = xs: f: map f xs;

  # foldr f z [ a b ] == f a (f b z); lazy in its accumulator.
  foldr = f: z: list:
    let
      n = length list;
      go = i: if i == n then z else f (elemAt list i) (go (i + 1));
    in
    go 0;
  fold = foldr;
  # foldl f z [ a b ] == f (f z a) b
  foldl = f: z: list: foldl' f z list;

  imap0 = f: list: genList (i: f i (elemAt list i)) (length list);
  imap1 = f: list: genList (i: f (i + 1) (elemAt list i)) (length list);
  ifilter0 = p: list: concatLists (imap0 (i: x: if p i x then [ x ] else [ ]) list);

  flatten = x: if isList x then concatMap flatten x else [ x ];
  remove = e: filter (x: x != e);
  count = p: foldl' (n: x: if p x then n + 1 else n) 0;

  optional = cond: x: if cond then [ x ] else [ ];
  optionals = cond: xs: if cond then xs else [ ];
  toList = x: if isList x then x else [ x ];

  range = first: last: if first > last then [ ] else genList (i: first + i) (last - first + 1);
  replicate = n: x: genList (_: x) n;

  findFirstIndex = p: default: list:
    let
      n = length list;
      go = i: if i == n then default else if p (elemAt list i) then i else go (i + 1);
    in
    go 0;
  findFirst = p: default: list:
    let i = findFirstIndex p null list; in if i == null then default else elemAt list i;
  # The only element satisfying p; `none` if there is none, `multiple` if there are several.
  findSingle = p: none: multiple: list:
    let found = filter p list; in
    if found == [ ] then none else if length found == 1 then head found else multiple;

  groupBy' = op: nul: key: list:
    builtins.mapAttrs (_: foldl' op nul) (builtins.groupBy key list);

  zipListsWith = f: a: b:
    genList (i: f (elemAt a i) (elemAt b i)) (lib.trivial.min (length a) (length b));
  zipLists = zipListsWith (fst: snd: { inherit fst snd; });

  reverseList = list: let n = length list; in genList (i: elemAt list (n - i - 1)) n;

  # Stable sort on a key computed once per element.
  sortOn = f: list:
    map (p: p.x) (sort (a: b: a.k < b.k) (map (x: { inherit x; k = f x; }) list));

  compareLists = cmp: a: b:
    if a == [ ] then (if b == [ ] then 0 else -1)
    else if b == [ ] then 1
    else let c = cmp (head a) (head b); in if c == 0 then compareLists cmp (tail a) (tail b) else c;

  take = n: sublist 0 n;
  drop = n: list: sublist n (length list) list;
  sublist = start: count: list:
    let
      len = length list;
      from = if start < 0 then 0 else start;
      n = if from >= len then 0 else if from + count > len then len - from else count;
    in
    genList (i: elemAt list (from + i)) (if n < 0 then 0 else n);
  takeEnd = n: list: let len = length list; in drop (if n > len then 0 else len - n) list;
  dropEnd = n: list: let len = length list; in take (if n > len then 0 else len - n) list;

  last = list: if list == [ ] then throw "lists.last: the list is empty" else elemAt list (length list - 1);
  init = list: if list == [ ] then throw "lists.init: the list is empty" else take (length list - 1) list;

  hasPrefix = prefix: list: take (length prefix) list == prefix;
  removePrefix = prefix: list:
    if hasPrefix prefix list then drop (length prefix) list
    else throw "lists.removePrefix: the list does not start with the prefix";
  commonPrefix = a: b:
    let
      n = lib.trivial.min (length a) (length b);
      go = i: if i < n && elemAt a i == elemAt b i then go (i + 1) else i;
    in
    take (go 0) a;

  # The first occurrence of each element, in order. Strings use an attribute set (linear);
  # other values are compared pairwise.
  unique = list:
    if all builtins.isString list then uniqueStrings list
    else foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ] list;
  uniqueStrings = list:
    let
      # listToAttrs keeps the first of several equal names.
      firsts = builtins.listToAttrs (imap0 (i: s: { name = s; value = i; }) list);
    in
    ifilter0 (i: s: firsts.${s} == i) list;
  allUnique = list: length (unique list) == length list;

  intersectLists = a: filter (x: elem x a);
  subtractLists = a: filter (x: !elem x a);
  mutuallyExclusive = a: b: a == [ ] || !(any (x: elem x b) a);

  mapCartesianProduct = f: attrs: map f (lib.attrsets.cartesianProduct attrs);

  naturalSort = sort (a: b: builtins.compareVersions a b < 0);
}
