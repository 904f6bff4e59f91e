# Must fail: one attribute of an attrsOf has the wrong type; the path names the attribute.
lib:
{
  modules = [
    { options.a = lib.mkOption { type = lib.types.attrsOf lib.types.int; }; }
    { a.x = 1; a.y = "no"; }
  ];
  expr = config: config.a;
}
