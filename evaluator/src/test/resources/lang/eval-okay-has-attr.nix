# `?` checks attribute paths and never fails on a missing or non-set intermediate.
let s = { a.b = 1; c = 2; }; in
[ (s ? a) (s ? a.b) (s ? a.x) (s ? c.d) (s ? "c") (1 ? a) ]
