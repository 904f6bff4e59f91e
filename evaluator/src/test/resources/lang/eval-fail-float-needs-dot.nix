# As in Nix, a float literal needs a dot: this is 1 applied to a variable e20.
1e20
