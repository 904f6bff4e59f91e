# The set of a `with` is only evaluated when a name is looked up in it.
[
  (with (throw "never evaluated"); 1)
  (let f = x: with x; a; in f { a = 2; })
]
