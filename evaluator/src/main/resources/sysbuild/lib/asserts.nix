# Checking conditions with readable messages, and NixOS-style assertions and warnings.
lib:
let
  inherit (builtins) filter map concatStringsSep elem;
in
rec {
  # `assert assertMsg cond "why";`: fails with the message when the condition is false.
  assertMsg = cond: msg: cond || throw msg;
  assertOneOf = name: value: allowed:
    assertMsg (elem value allowed)
      "${name} must be one of ${lib.generators.toPretty { multiline = false; } allowed}, but is: ${lib.generators.toPretty { multiline = false; } value}";
  assertEachOneOf = name: values: allowed: builtins.all (v: assertOneOf name v allowed) values;

  # NixOS's check of `assertions` ([{ assertion; message; }]) and `warnings` (strings): throws
  # listing every failed assertion, else prints the warnings and returns `value`.
  checkAssertWarn = assertions: warnings: value:
    let failed = map (a: a.message) (filter (a: !a.assertion) assertions); in
    if failed != [ ] then throw "\nFailed assertions:\n${concatStringsSep "\n" (map (m: "- ${m}") failed)}"
    else lib.trivial.showWarnings warnings value;
}
