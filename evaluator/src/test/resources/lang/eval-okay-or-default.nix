# `or` gives a default when any attribute on the path is missing.
let s = { a = { b = 1; }; }; in
[ (s.a.b or 0) (s.a.c or "default") (s.x.y.z or "deep default") (s.${"a"}.b or 2) ({ }.a or null) ]
