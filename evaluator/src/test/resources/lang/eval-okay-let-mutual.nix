# let bindings are mutually recursive and shadow outer ones.
let
  isEven = n: if n == 0 then true else isOdd (n - 1);
  isOdd = n: if n == 0 then false else isEven (n - 1);
  x = 1;
in
let x = 2; in
[ (isEven 10) (isOdd 7) (isEven 3) x ]
