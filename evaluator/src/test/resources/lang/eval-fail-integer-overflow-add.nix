# Unlike Nix 2.8, which wraps around, integer overflow is an error.
let max = 9223372036854775807; in
max + 1
