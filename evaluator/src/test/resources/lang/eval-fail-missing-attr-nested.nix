let s = { a = { bee = 1; }; }; in
s.a.be
