# replaceStrings: earlier patterns win at the same position, matches do not overlap, patterns
# sharing a first character, matches at both ends, no match at all, a long string with few
# matches, non-ASCII text, and the empty pattern (which matches between every two characters).
let
  long = builtins.concatStringsSep "\n" (builtins.genList (i: "dir/sub.d/file${toString i}") 2000);
in [
  (builtins.replaceStrings [ "ab" "a" ] [ "1" "2" ] "aab ab a b")
  (builtins.replaceStrings [ "a" "ab" ] [ "1" "2" ] "aab ab a b")
  (builtins.replaceStrings [ "aa" ] [ "x" ] "aaaaa")
  (builtins.replaceStrings [ "xy" "xz" "y" ] [ "1" "2" "3" ] "xyxzxxzyy")
  (builtins.replaceStrings [ "st" "nd" ] [ "<" ">" ] "start and end")
  (builtins.replaceStrings [ "q" "longer than the text" ] [ "Q" "!" ] "no match here")
  (builtins.replaceStrings [ "é" "ü" ] [ "e" "u" ] "café über")
  (builtins.replaceStrings [ "" ] [ "-" ] "abc")
  (builtins.replaceStrings [ "b" "" ] [ "B" "-" ] "abc")
  (builtins.stringLength (builtins.replaceStrings [ "\n" "/./" ] [ "" "!" ] long))
  (builtins.replaceStrings [ "\n" ] [ ";" ] (builtins.substring 0 60 long))
]
