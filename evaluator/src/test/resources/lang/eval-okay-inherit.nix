# inherit takes names from the enclosing scope, in sets and in let.
let
  x = 1;
  y = "two";
  inner = let inherit x; z = x + 1; in z;
in
{ inherit x y inner; z = 3; }
