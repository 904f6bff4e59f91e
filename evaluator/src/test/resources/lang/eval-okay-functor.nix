# A set with __functor can be called; the functor gets the set itself first.
let
  counter = { n = 10; __functor = self: x: self.n + x; };
  twice = { __functor = self: f: x: f (f x); };
in
[ (counter 1) (map counter [ 1 2 ]) (twice counter 0) (builtins.isFunction counter) ]
