let x = -1; in
assert x > 0;
x
