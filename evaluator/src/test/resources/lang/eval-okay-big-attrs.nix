# Sets of 64 names or more are looked up through a hash index; lookups, misses, `?`, `or`
# and listToAttrs (first definition wins) must behave as for small sets.
let
  n = 300;
  big = builtins.listToAttrs (builtins.genList (i: { name = "k${toString (i - i / 100 * 100)}"; value = i; }) n);
  names = builtins.attrNames big;
in [
  (builtins.length names)
  big.k7
  (big.k150 or "missing")
  (big ? k99)
  (big ? k100)
  (builtins.hasAttr "k0" big)
  (builtins.getAttr "k42" big)
  (builtins.head names)
  (builtins.elemAt names 99)
]
