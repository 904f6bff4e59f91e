# // is shallow: the right side wins and nested sets are replaced, not merged.
({ a = 1; b = 2; n = { x = 1; }; } // { b = 3; c = 4; n = { y = 2; }; })
