# Checks: the lib helpers configurations use (attrsets, lists, strings, trivial).
lib:
{
  modules = [ ];
  expr = _: with lib; {
    attrs = {
      mapAttrs' = mapAttrs' (n: v: nameValuePair "x-${n}" (v * 2)) { a = 1; b = 2; };
      filterAttrs = filterAttrs (n: v: v > 1) { a = 1; b = 2; c = 3; };
      recursiveUpdate = recursiveUpdate { a = { b = 1; c = 2; }; d = 1; } { a = { b = 3; }; e = 4; };
      optionalAttrs = [ (optionalAttrs true { a = 1; }) (optionalAttrs false { a = 1; }) ];
      genAttrs = genAttrs [ "x" "y" ] (n: "v-${n}");
      attrByPath = [ (attrByPath [ "a" "b" ] 0 { a.b = 5; }) (attrByPath [ "a" "c" ] 0 { a.b = 5; }) ];
      setAttrByPath = setAttrByPath [ "a" "b" ] 1;
      getAttrFromPath = getAttrFromPath [ "a" "b" ] { a.b = 2; };
      mapAttrsToList = mapAttrsToList (n: v: "${n}=${toString v}") { a = 1; b = 2; };
      zipAttrsWith = zipAttrsWith (n: vs: vs) [ { a = 1; } { a = 2; b = 3; } ];
      listToAttrs = listToAttrs [ (nameValuePair "k" "v") ];
      collect = collect isInt { a = 1; b = { c = 2; d = "x"; }; };
      mapAttrsRecursive = mapAttrsRecursive (path: v: concatStringsSep "." path) { a.b = 1; c = 2; };
      hasAttrByPath = hasAttrByPath [ "a" "b" ] { a.b = null; };
      foldlAttrs = foldlAttrs (acc: n: v: acc + v) 0 { a = 1; b = 2; };
    };
    lists = {
      optional = [ (optional true 1) (optional false 1) (optionals true [ 1 2 ]) ];
      flatten = flatten [ 1 [ 2 [ 3 ] ] [ ] ];
      unique = [ (unique [ 3 1 3 2 1 ]) (unique [ "b" "a" "b" ]) ];
      range = range 2 5;
      foldl = foldl (a: b: "(${a}${b})") "z" [ "a" "b" ];
      foldr = foldr (a: b: "(${a}${b})") "z" [ "a" "b" ];
      imap0 = imap0 (i: v: "${toString i}${v}") [ "a" "b" ];
      imap1 = imap1 (i: v: "${toString i}${v}") [ "a" "b" ];
      last = last [ 1 2 3 ];
      init = init [ 1 2 3 ];
      take = take 2 [ 1 2 3 ];
      drop = drop 2 [ 1 2 3 ];
      sublist = sublist 1 5 [ 1 2 3 ];
      toList = [ (toList 1) (toList [ 1 ]) ];
      reverseList = reverseList [ 1 2 3 ];
      findFirst = findFirst (x: x > 1) null [ 1 2 3 ];
      count = count (x: x > 1) [ 1 2 3 ];
      zipLists = zipLists [ 1 2 ] [ "a" "b" "c" ];
      subtractLists = subtractLists [ 1 ] [ 1 2 1 3 ];
      sortOn = sortOn stringLength [ "ccc" "a" "bb" ];
    };
    strings = {
      concatStringsSep = concatStringsSep ", " [ "a" "b" ];
      concatMapStrings = concatMapStrings (x: x + ";") [ "a" "b" ];
      concatMapStringsSep = concatMapStringsSep "-" toUpper [ "a" "b" ];
      optionalString = [ (optionalString true "yes") (optionalString false "no") ];
      prefix = [ (hasPrefix "ab" "abc") (hasSuffix "bc" "abc") (removePrefix "ab" "abc") (removeSuffix "c" "abc") (hasInfix "b." "ab.c") ];
      splitString = [ (splitString "." "a.b..c") (splitString ", " "x, y") ];
      case = [ (toUpper "aBc") (toLower "AbC") ];
      escapeShellArg = [ (escapeShellArg "plain-word_1.2") (escapeShellArg "it's") (escapeShellArgs [ "a b" "c" ]) ];
      fixedWidth = [ (fixedWidthNumber 4 42) (fixedWidthString 3 " " "x") ];
      toInt = [ (toInt " 42 ") (toInt "-7") ];
      trim = trim "  a b \n";
      versions = [ (versionAtLeast "1.10" "1.9") (versionOlder "1.2" "1.10") ];
      levenshtein = levenshtein "kitten" "sitting";
      intersperse = intersperse "," [ "a" "b" "c" ];
    };
    trivial = {
      pipe = pipe 2 [ (x: x + 1) (x: x * 10) ];
      flip = flip (a: b: a - b) 1 10;
      const = const 1 2;
      id = id "x";
      boolToString = boolToString true;
      mod = mod 7 3;
      isFunction = [ (isFunction (x: x)) (isFunction { __functor = s: x: x; }) (isFunction 1) ];
      fix = (fix (self: { a = 1; b = self.a + 1; })).b;
      toPretty = generators.toPretty { } { a = [ 1 "x" ]; b = null; };
      toINI = generators.toINI { } { main = { key = "v"; n = 1; }; };
    };
  };
}
