package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;

/** Checks on strings that cross between Nix and a data format (JSON, TOML). */
final class DataStrings {
    private DataStrings() {}

    /**
     * The text a parser builtin reads: a string that refers to no store path, since the values
     * parsed from it could not carry that dependency on.
     */
    static String contextFree(Value v, String builtin) {
        NixString s = Force.string(v, null);
        if (!s.context().isEmpty()) {
            String element = s.context().iterator().next();
            String path = element.substring(Math.max(0, element.indexOf('/')));
            throw EvalException.error("the string '" + s.value + "' is not allowed to refer to a store path (such as '"
                    + path + "'); builtins." + builtin + " needs plain text", null);
        }
        return s.value;
    }

    /** A decoded key or string, which Nix rejects if it contains NUL (its strings are C strings). */
    static String checkNoNul(String s) {
        String problem = nulProblem(s);
        if (problem != null) throw EvalException.error(problem, null);
        return s;
    }

    /** What is wrong with a decoded string that contains NUL, or null if it has none. */
    static String nulProblem(String s) {
        if (s.indexOf('\0') < 0) return null;
        return "input string '" + s.replace("\0", Bytes.encode("\u2400"))
                + "' cannot be represented as Nix string because it contains null bytes";
    }

    /** An error in a parsed document, with the line and column of offset {@code pos} in it. */
    static EvalException errorAt(String message, String text, int pos) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return EvalException.error(message + " at line " + line + ", column " + (pos - lineStart + 1), null);
    }
}
