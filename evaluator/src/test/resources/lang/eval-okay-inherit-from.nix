# inherit (e) selects from an expression, lazily: an unused one is never evaluated.
let
  src = { a = 1; b = 2; nested = { c = 3; }; };
  s = {
    inherit (src) a b;
    inherit (src.nested) c;
    inherit (throw "never evaluated") unused;
  };
  inherit (src) nested;
in
[ s.a s.b s.c nested.c (builtins.attrNames s) ]
