# Dynamic attribute names: interpolated, quoted, in selection and in `?`; null skips the attribute.
let
  n = "key";
  s = {
    ${n} = 1;
    "${n}2" = 2;
    "with space" = 3;
    ${if false then "x" else null} = 4;
  };
in
[ s (s.${n}) (s ? ${"key2"}) (s ? ${"nope"}) s."with space" ]
