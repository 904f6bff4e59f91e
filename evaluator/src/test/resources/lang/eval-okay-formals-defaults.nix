# Defaults may refer to other formals, earlier or later; given arguments win.
let
  f = { a, b ? a * 2, c ? b + 1 }: [ a b c ];
  g = { first ? second + 1, second ? 5 }: first;
in
[ (f { a = 1; }) (f { a = 1; c = 0; }) (g { }) (g { second = 7; }) ]
