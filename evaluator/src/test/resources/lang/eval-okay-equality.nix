# Equality is deep for lists and sets; functions are never equal to anything.
[
  ({ a = 1; b = [ 2 ]; } == { b = [ 2 ]; a = 1; })
  ({ a = 1; } == { a = 1; b = 2; })
  (1 == 1.0)
  ("a" == "a")
  (null == null)
  ((x: x) == (x: x))
  ([ ] != [ ])
]
