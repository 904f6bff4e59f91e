package dev.sysbuild.eval.builtins;

/** TOML: fromTOML. */
final class TomlBuiltins {
    private TomlBuiltins() {}

    static void register(Registry r) {
        r.fn("fromTOML", 1, a -> TomlParser.parse(DataStrings.contextFree(a[0], "fromTOML")));
    }
}
