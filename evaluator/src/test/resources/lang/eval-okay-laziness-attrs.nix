# Attribute values are forced only when selected; names and `?` do not force them.
let
  s = { a = 1; b = throw "unused"; c = abort "unused too"; };
in
{
  names = builtins.attrNames s;
  hasB = s ? b;
  a = s.a;
  kept = builtins.length (builtins.attrValues (removeAttrs s [ "a" ]));
}
