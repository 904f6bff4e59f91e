# Declares the `log' list that other modules append to.
{ lib, ... }:
{
  options.log = lib.mkOption { type = lib.types.listOf lib.types.str; default = [ ]; };
}
