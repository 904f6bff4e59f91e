# The string context derivations, toFile and paths give: each outPath depends on its output, a
# drvPath on the derivation and all its outputs, a toFile path on itself; context survives an
# empty substring and a getContext/appendContext round trip.
let
  d = derivation { name = "d"; system = "x86_64-linux"; builder = "/bin/sh"; outputs = [ "out" "dev" ]; };
  f = builtins.toFile "f" "text";
  kinds = s: builtins.attrValues (builtins.getContext s);
  all = "${d}${d.dev}${d.drvPath}${f}";
in
[
  (kinds d.outPath) (kinds d.dev.outPath) (kinds d.drvPath) (kinds f)
  (kinds (builtins.unsafeDiscardOutputDependency d.drvPath))
  (builtins.length (builtins.attrNames (builtins.getContext all)))
  (builtins.getContext (builtins.substring 0 0 all) == builtins.getContext all)
  (all == builtins.appendContext (builtins.unsafeDiscardStringContext all) (builtins.getContext all))
  (builtins.hasContext (builtins.unsafeDiscardStringContext all))
]
