# A derivation's attributes are there before it is instantiated (an unused builder may throw),
# overriding goes through drvAttrs, and derivations compare by outPath only.
let
  mk = name: extra: derivation ({ inherit name; system = "x86_64-linux"; builder = "/bin/sh"; } // extra);
  a = mk "a" { builder = throw "not needed for the name"; };
  b = mk "b" { outputs = [ "out" "dev" ]; };
  b' = derivation (b.drvAttrs // { name = "${b.name}-overridden"; });
in
[
  a.name a.type a.outputName (builtins.attrNames b)
  b'.name b'.dev.outputName (b'.drvAttrs.outputs)
  (mk "c" { } == mk "c" { })
  (mk "c" { } == mk "c" { } // { extra = 1; })
  (mk "c" { } == mk "c" { builder = "/other"; })
  (b.dev.dev == b.dev && b.out.out == b)
]
