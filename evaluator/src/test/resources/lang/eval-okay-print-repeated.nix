# A set or list printed a second time prints as «repeated», as nix-instantiate does.
let shared = { v = 1; }; in
{ l = [ shared shared ]; s = shared; }
