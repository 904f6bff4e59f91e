let
  x = y + 1;
  y = x;
in
x
