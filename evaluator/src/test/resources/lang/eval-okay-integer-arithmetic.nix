# Integer arithmetic is 64-bit; division truncates toward zero.
[ (7 / 2) (-7 / 2) (7 / -2) 9223372036854775807 (-9223372036854775807 - 1) (2 * 3 - 10) (7 - 2 - 1) ]
