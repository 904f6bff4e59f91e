# A binding that is just another name for a later binding (let, rec, formals).
let
  a = b;
  b = 1;
in
[ a (rec { c = d; d = 2; }).c (({ first ? second, second ? 3 }: first) { }) ]
