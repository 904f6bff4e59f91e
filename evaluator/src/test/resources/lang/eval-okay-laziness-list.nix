# Elements of a list are thunks: length and elemAt do not force the others.
let
  xs = [ 1 (throw "never forced") (abort "never forced either") 4 ];
in
[ (builtins.length xs) (builtins.elemAt xs 3) (builtins.head xs) ]
