# sysbuild's `lib`, written for sysbuild (not copied from nixpkgs) with the same names and
# behaviour as the parts of nixpkgs' lib that configurations use. `import <sysbuild/lib>`.
#
# Each file is a function of the finished lib; everything is also re-exported at the top
# level (lib.mkOption, lib.types, lib.mapAttrs', ...), as in nixpkgs.
let
  lib =
    let
      sub = file: import file lib;
      trivial = sub ./trivial.nix;
      lists = sub ./lists.nix;
      attrsets = sub ./attrsets.nix;
      strings = sub ./strings.nix;
      options = sub ./options.nix;
      types = sub ./types.nix;
      modules = sub ./modules.nix;
      generators = sub ./generators.nix;
      asserts = sub ./asserts.nix;
    in
    trivial // lists // attrsets // strings // options // modules // asserts
    // {
      inherit trivial lists attrsets strings options types modules generators asserts;
      fixedPoints = { inherit (trivial) fix fix' extends composeExtensions composeManyExtensions makeExtensible; };
      # Where two parts use the same name, the top level has the one nixpkgs has there.
      inherit (lists) replicate;
      inherit (trivial) isFunction functionArgs;
    };
in
lib
