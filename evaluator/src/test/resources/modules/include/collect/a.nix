# Imported by path (key = this path): a function module naming an argument from _module.args.
{ lib, tag, ... }:
{
  imports = [ ./b.nix { log = [ "a's inline import" ]; } ];
  log = [ "a (${tag})" ];
}
