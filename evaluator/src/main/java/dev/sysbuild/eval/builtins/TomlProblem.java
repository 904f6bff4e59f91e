package dev.sysbuild.eval.builtins;

/**
 * Something TOML does not allow, found by a part of the TOML reader that does not know where in
 * the text it is; {@link TomlParser} turns it into an error with line and column.
 */
final class TomlProblem extends RuntimeException {
    TomlProblem(String message) {
        super(message, null, false, false);
    }
}
