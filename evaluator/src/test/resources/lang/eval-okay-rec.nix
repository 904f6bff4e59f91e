# rec lets attributes refer to each other in any order, including nested sets.
rec {
  a = b + 1;
  b = 2;
  c = { d = a * 10; e = c.d + b; };
  f = [ a b ];
}
