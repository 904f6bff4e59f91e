# `//` with a small right side takes a bulk-copy path; names must stay sorted and unique.
let
  big = builtins.listToAttrs (builtins.genList (i: { name = "k${toString i}"; value = i; }) 100);
  checks = [
    (big // { k5 = "x"; })
    (big // { a = 1; k5 = 2; zz = 3; })
    (big // { k99 = 0; k0 = 0; })
    ({ } // big)
  ];
in map (s: [ (builtins.attrNames s == builtins.sort builtins.lessThan (builtins.attrNames s)) (builtins.length (builtins.attrNames s)) s.k5 s.k99 (s.a or null) (s.zz or null) s.k0 ]) checks
