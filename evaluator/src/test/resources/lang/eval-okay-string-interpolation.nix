# Interpolation of strings, nested interpolation and toString.
let name = "world"; n = 42; in
[ "hello ${name}" "${toString n}!" "${"a" + "${"b"}c"}" "x${""}y" (toString [ 1 "a" null true ]) ]
