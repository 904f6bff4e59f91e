# Path literals resolve against this file's folder and are normalised.
[
  ./.
  ./sub/file.nix
  ./sub/../other
  /absolute/./path/../x
  (./sub + "/more")
  (builtins.typeOf ./.)
  (builtins.baseNameOf ./sub/file.nix)
  (builtins.isPath ./x)
]
