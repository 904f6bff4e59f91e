# Must fail: entries share their option declarations (Declarations.Shared); the wrong value of the
# second entry is reported with that entry's option path, not the first's.
lib:
let
  shared = { port = lib.mkOption { type = lib.types.port; default = 80; }; };
in
{
  modules = [
    {
      options.svc = lib.mkOption { type = lib.types.attrsOf (lib.types.submodule { options = shared; }); };
      config.svc.a.port = 8080;
      config.svc.b.port = "http";
    }
  ];
  expr = config: [ config.svc.a.port config.svc.b.port ];
}
