# Arguments, let bindings and the unused branch of an if are never evaluated.
let
  const = x: y: x;
  unused = throw "let binding never used";
in
[ (const 1 (throw "argument never used")) (if true then 2 else throw "else branch") ((x: 3) unused) ]
