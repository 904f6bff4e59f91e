# `assertions` and `warnings`, as in NixOS: the toplevel fails listing every failed
# assertion's message, and prints the warnings.
{ lib, ... }:
let
  inherit (lib) mkOption types;
  osTypes = import ../os-types.nix lib;
in
{
  options = {
    assertions = mkOption {
      type = osTypes.concatenatedList "list of assertions ({ assertion; message; })";
      internal = true;
      default = [ ];
      example = [ { assertion = false; message = "you can't enable this for that reason"; } ];
      description = "Conditions that must hold for the system to build: each `{ assertion; message; }`; the build fails with every failed assertion's message.";
    };
    warnings = mkOption {
      type = osTypes.concatenatedList "list of strings";
      internal = true;
      default = [ ];
      example = [ "The `foo' service is deprecated and will go away soon!" ];
      description = "Messages printed when the system is built.";
    };
  };
}
