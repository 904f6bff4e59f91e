# A lexically bound name always beats `with`, even when the with set has the name.
let x = "lexical"; in
[
  (with { x = "from with"; y = "y from with"; }; [ x y ])
  ((x: with { x = "from with"; }; x) "argument")
  (with { x = "from with"; }; rec { x = "rec attribute"; y = x; }).y
]
