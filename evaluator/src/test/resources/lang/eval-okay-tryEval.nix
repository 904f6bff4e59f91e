# tryEval catches throw and failed asserts, and leaves successes alone.
[
  (builtins.tryEval 1)
  (builtins.tryEval (throw "caught"))
  (builtins.tryEval (assert 1 == 2; "unreachable"))
  (builtins.tryEval [ (throw "inside, not forced by tryEval") ]).success
]
