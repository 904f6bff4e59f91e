# tryEval catches throw and assert only, never abort.
builtins.tryEval (abort "fatal")
