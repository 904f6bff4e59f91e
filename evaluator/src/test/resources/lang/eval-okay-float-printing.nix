# Floats print like C's %g: 6 significant digits, exponent outside 1e-4 .. 1e6.
[ (0.1 + 0.2) 1.0e20 1.0e-5 1.5 100000.0 1000000.0 123456789.0 (1 / 3.0) 0.0001 (-2.5) (2 * 1.0) ]
