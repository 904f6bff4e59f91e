# Strict printing forces everything inside, however deep.
let two = 1 + 1; in
{ deep = [ [ [ { a = [ ]; b = { }; c = two; } ] ] ]; lazy = [ two (x: x) ]; }
