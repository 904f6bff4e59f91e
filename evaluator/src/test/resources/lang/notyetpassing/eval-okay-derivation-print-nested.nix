# Nix 2.8 prints a set it has printed before as «repeated» even when it is reached through another
# value (here `all` and `out` hold the derivation that `x` holds); at the top level that already works.
# The .exp is nix-instantiate 2.8's output with its /nix/store paths replaced by ours in /sysbuild/store.
{ x = derivation { name = "simple"; system = "x86_64-linux"; builder = "/bin/sh"; }; }
