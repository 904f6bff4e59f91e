# @-patterns bind the whole argument set as passed: defaults are not in it.
let
  f = args@{ a, b ? 10, ... }: [ a b (builtins.attrNames args) ];
  g = { a }@whole: whole.a + a;
in
[ (f { a = 1; c = 3; }) (g { a = 4; }) ]
