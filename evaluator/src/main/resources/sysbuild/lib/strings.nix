# Functions on strings.
lib:
let
  inherit (builtins) stringLength substring genList length elemAt filter isString isList isPath
    replaceStrings concatStringsSep foldl' match split head;
  inherit (lib.lists) imap1;
  nixKeywords = [ "assert" "else" "if" "in" "inherit" "let" "or" "rec" "then" "with" ];
in
rec {
  inherit (builtins) stringLength substring concatStringsSep replaceStrings match split toString
    isString typeOf;

  concatStrings = concatStringsSep "";
  concatMapStrings = f: list: concatStrings (map f list);
  concatImapStrings = f: list: concatStrings (imap1 f list);
  concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
  concatImapStringsSep = sep: f: list: concatStringsSep sep (imap1 f list);
  concatLines = concatMapStrings (s: s + "\n");
  intersperse = sep: list:
    lib.lists.drop 1 (builtins.concatMap (x: [ sep x ]) list);
  replicate = n: s: concatStrings (lib.lists.replicate n s);

  optionalString = cond: s: if cond then s else "";

  hasPrefix = prefix: s: substring 0 (stringLength prefix) s == prefix;
  hasSuffix = suffix: s:
    let ls = stringLength s; lx = stringLength suffix; in
    ls >= lx && substring (ls - lx) lx s == suffix;
  hasInfix = infix: s: length (split (escapeRegex infix) (toString s)) > 1;
  removePrefix = prefix: s:
    let lp = stringLength prefix; in
    if hasPrefix prefix s then substring lp (stringLength s - lp) s else s;
  removeSuffix = suffix: s:
    let ls = stringLength s; lx = stringLength suffix; in
    if hasSuffix suffix s then substring 0 (ls - lx) s else s;

  stringToCharacters = s: genList (i: substring i 1 s) (stringLength s);
  stringAsChars = f: s: concatMapStrings f (stringToCharacters s);

  # Splits at every occurrence of `sep` (a plain string, not a regex), keeping string context.
  splitString = sep: s:
    let str = toString s; in
    map (addContextFrom str) (filter isString (split (escapeRegex sep) str));
  addContextFrom = src: target: substring 0 0 src + target;

  lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
  upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  toLower = replaceStrings upperChars lowerChars;
  toUpper = replaceStrings lowerChars upperChars;
  toSentenceCase = s: toUpper (substring 0 1 s) + toLower (substring 1 (stringLength s) s);

  # Strips leading and trailing spaces, tabs and newlines.
  trim = trimWith { start = true; end = true; };
  trimWith = { start ? false, end ? false }: s:
    let
      n = stringLength s;
      blank = i: let c = substring i 1 s; in c == " " || c == "\t" || c == "\n" || c == "\r";
      first = i: if i < n && blank i then first (i + 1) else i;
      lastPlus1 = i: if i > from && blank (i - 1) then lastPlus1 (i - 1) else i;
      from = if start then first 0 else 0;
      to = if end then lastPlus1 n else n;
    in
    substring from (to - from) s;

  escape = chars: replaceStrings chars (map (c: "\\${c}") chars);
  escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");
  # Quotes for the POSIX shell unless the string is made of characters that need none.
  escapeShellArg = arg:
    let s = toString arg; in
    if match "[[:alnum:],._+:@%/-]+" s != null then s
    else "'${replaceStrings [ "'" ] [ "'\\''" ] s}'";
  escapeShellArgs = concatMapStringsSep " " escapeShellArg;
  escapeNixString = s: escape [ "$" ] (builtins.toJSON s);
  escapeNixIdentifier = s:
    if match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null && !(builtins.elem s nixKeywords) then s
    else escapeNixString s;
  escapeXML = replaceStrings [ "\"" "'" "<" ">" "&" ] [ "&quot;" "&apos;" "&lt;" "&gt;" "&amp;" ];

  versionOlder = a: b: builtins.compareVersions b a == 1;
  versionAtLeast = a: b: !(versionOlder a b);
  getName = x: if isString x then (builtins.parseDrvName x).name else x.pname or (builtins.parseDrvName x.name).name;
  getVersion = x: if isString x then (builtins.parseDrvName x).version else x.version or (builtins.parseDrvName x.name).version;

  enableFeature = flag: feature: "--${if flag then "enable" else "disable"}-${feature}";
  enableFeatureAs = flag: feature: value: enableFeature flag feature + optionalString flag "=${value}";
  withFeature = flag: feature: "--${if flag then "with" else "without"}-${feature}";
  withFeatureAs = flag: feature: value: withFeature flag feature + optionalString flag "=${value}";

  # Pads `s` on the left with `filler` up to `width` characters.
  fixedWidthString = width: filler: s:
    let n = stringLength s; in
    if n > width then throw "fixedWidthString: `${s}' is longer than ${toString width} characters"
    else concatStrings (genList (_: filler) (width - n)) + s;
  fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);

  # Parses a decimal integer with optional surrounding whitespace; leading zeros are refused
  # (they could be meant as octal), as in nixpkgs.
  toInt = s:
    let m = match "[[:space:]]*(-?(0|[1-9][0-9]*))[[:space:]]*" s; in
    if m == null then throw "toInt: could not convert ${builtins.toJSON s} to an integer"
    else builtins.fromJSON (head m);
  toIntBase10 = s:
    let m = match "[[:space:]]*(-?)0*([0-9]+)[[:space:]]*" s; in
    if m == null then throw "toIntBase10: could not convert ${builtins.toJSON s} to an integer"
    else builtins.fromJSON (elemAt m 0 + elemAt m 1);

  isStringLike = x: isString x || isPath x || (builtins.isAttrs x && (x ? outPath || x ? __toString));
  isCoercibleToString = isConvertibleWithToString;
  isConvertibleWithToString = x:
    isStringLike x || builtins.elem (builtins.typeOf x) [ "null" "int" "float" "bool" ]
    || (isList x && builtins.all isConvertibleWithToString x);
  isStorePath = x:
    isStringLike x && (let s = toString x; in
      hasPrefix "/" s && builtins.dirOf s == builtins.storeDir && stringLength (baseNameOf s) > 33);

  makeSearchPath = subDir: paths: concatStringsSep ":" (map (p: "${toString p}/${subDir}") (filter (p: p != null) paths));
  makeSearchPathOutput = output: subDir: pkgs: makeSearchPath subDir (map (lib.attrsets.getOutput output) pkgs);
  makeBinPath = makeSearchPathOutput "bin" "bin";
  makeLibraryPath = makeSearchPathOutput "lib" "lib";

  normalizePath = s: concatStringsSep "/" (filter isString (split "/+" s));
  fileContents = file: removeSuffix "\n" (builtins.readFile file);

  # Edit distance (insertions, deletions, substitutions), used to suggest names.
  levenshtein = a: b:
    let
      la = stringLength a;
      lb = stringLength b;
      min3 = x: y: z: lib.trivial.min x (lib.trivial.min y z);
      nextRow = prev: i:
        let
          c = substring (i - 1) 1 a;
          row = genList (j:
            if j == 0 then i
            else min3 (elemAt row (j - 1) + 1) (elemAt prev j + 1)
              (elemAt prev (j - 1) + (if c == substring (j - 1) 1 b then 0 else 1))) (lb + 1);
        in
        builtins.deepSeq row row;
    in
    elemAt (foldl' nextRow (genList (j: j) (lb + 1)) (lib.lists.range 1 la)) lb;
  levenshteinAtMost = k: a: b: levenshtein a b <= k;
}
