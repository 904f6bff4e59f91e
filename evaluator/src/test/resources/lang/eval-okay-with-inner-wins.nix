# Nested `with`: the innermost set that has the name wins; outer ones fill the gaps.
with { x = "outer"; y = "outer y"; };
with { x = "inner"; };
[ x y ]
