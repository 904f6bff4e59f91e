# A module function without `...`: it is called with every argument there is, so it names them all.
{ lib, config, options, specialArgs, _class }:
{
  log = [ "no-ellipsis (${if specialArgs == { } && _class == null then "no specialArgs" else "?"})" ];
}
