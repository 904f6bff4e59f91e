# Dotted attribute paths build nested sets and merge with each other.
{
  a.b.c = 1;
  a.b.d = 2;
  a.e = 3;
  "quoted name".x = 4;
}
