# A set written out and dotted paths into it merge (also in let); an explicit set comes first.
let
  s.a = 1;
  s.b.c = 2;
  s.b.d = 3;
in
{
  x = { a = 1; };
  x.b = 2;
  x.c.d = 3;
  fromLet = s;
}
