(rec {
  a = b;
  b = { c = a.c; };
}).b.c
