# Must fail: two different definitions of an int at the same priority; the message shows
# both definitions with their lines and suggests mkForce/mkDefault.
lib:
{
  modules = [
    { options.workers = lib.mkOption { type = lib.types.int; }; }
    { workers = 4; }
    {
      workers = 8;
    }
  ];
  expr = config: config.workers;
}
