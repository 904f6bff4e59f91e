# Nix 2.8 writes floats in JSON as C++ streams do (6 significant digits, no ".0"); this matters
# beyond toJSON: __structuredAttrs puts JSON into the .drv, so its path depends on it.
[ (builtins.toJSON 1.0) (builtins.toJSON 3.14159265) (builtins.toJSON 123456789.0) (builtins.toJSON 0.1) ]
