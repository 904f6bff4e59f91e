# Curried functions applied to all, some, or more of their arguments at once,
# directly and through builtins that call two-argument functions; builtins given
# all, some or more of theirs; `or` forms.
let
  add3 = a: b: c: a + b + c;
  pair = a: { x ? 10, ... }@s: [ a x (s.y or 0) ];
  partial = add3 1;
  twice = f: x: f (f x);
  s = { a.b = 1; };
in [
  (add3 1 2 3)
  (partial 2 3)
  (add3 1 2)
  (pair 1 { })
  (pair 1 { x = 2; y = 3; })
  (twice (add3 1 1) 0)
  (builtins.mapAttrs (n: v: n + v) { p = "q"; })
  (builtins.foldl' (acc: x: acc * 10 + x) 0 [ 1 2 3 ])
  (s.a.b or 5)
  (s.a.c or 5)
  ({ a = 1; }.a)
  (builtins.elemAt [ (x: x * 2) ] 0 21)
  ((builtins.foldl' (a: b: a + b) 0) [ 1 2 ])
  (map (builtins.add 1) [ 1 2 ])
  (builtins.substring 1 2 "abcd")
]
