# Lists compare lexicographically, element by element; a proper prefix is smaller.
[
  ([ 1 2 ] < [ 1 3 ])
  ([ 1 2 ] < [ 1 2 0 ])
  ([ ] < [ 1 ])
  ([ 2 ] < [ 1 5 ])
  ([ "a" ] < [ "b" ])
  ([ 1 2 ] == [ 1 2 ])
  ([ 1 [ 2 ] ] == [ 1 [ 2 ] ])
  ([ 1 ] == [ 1.0 ])
  ([ 1 2 ] >= [ 1 2 ])
]
