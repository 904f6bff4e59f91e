package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.Value;
import java.util.regex.Pattern;

/** TOML values that are one bare token: booleans, integers in four bases, floats, and dates/times (rejected). */
final class TomlScalars {
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final String DEC = "[+-]?(?:0|[1-9](?:_?[0-9])*)";
    private static final String EXP = "[eE][+-]?" + DIGITS;
    private static final Pattern INTEGER = Pattern.compile(DEC);
    private static final Pattern HEX = Pattern.compile("0x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7](?:_?[0-7])*");
    private static final Pattern BINARY = Pattern.compile("0b[01](?:_?[01])*");
    private static final Pattern FLOAT = Pattern.compile(DEC + "(?:\\." + DIGITS + "(?:" + EXP + ")?|" + EXP + ")");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[+-]?(?:inf|nan)");
    private static final String TIME = "[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?";
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern DATE_TIME = Pattern.compile(
            DATE.pattern() + "(?:[Tt ]" + TIME + "(?:[Zz]|[+-][0-9]{2}:[0-9]{2})?)?|" + TIME);
    private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8000000000000L);

    private TomlScalars() {}

    /** Whether c can be part of a bare value token (a date and its time are joined by the caller). */
    static boolean isScalarChar(char c) {
        return TomlParser.isBareKeyChar(c) || c == '+' || c == '.' || c == ':';
    }

    static boolean isDate(String token) {
        return DATE.matcher(token).matches();
    }

    /** The value of a token; a {@link TomlProblem} if it is not a valid value or Nix cannot represent it. */
    static Value value(String token) {
        if (token.equals("true")) return NixBool.TRUE;
        if (token.equals("false")) return NixBool.FALSE;
        if (INTEGER.matcher(token).matches()) return integer(token, token, 10);
        if (HEX.matcher(token).matches()) return integer(token, token.substring(2), 16);
        if (OCTAL.matcher(token).matches()) return integer(token, token.substring(2), 8);
        if (BINARY.matcher(token).matches()) return integer(token, token.substring(2), 2);
        if (FLOAT.matcher(token).matches()) {
            double d = Double.parseDouble(token.replace("_", ""));
            if (Double.isInfinite(d)) throw new TomlProblem("float " + token + " is out of range");
            return new NixFloat(d);
        }
        if (SPECIAL_FLOAT.matcher(token).matches()) {
            boolean negative = token.startsWith("-");
            if (token.endsWith("inf")) return new NixFloat(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            return new NixFloat(negative ? NEGATIVE_NAN : Double.NaN);
        }
        if (DATE_TIME.matcher(token).matches()) {
            throw new TomlProblem("Dates and times are not supported (Nix has no value for '" + token + "')");
        }
        throw new TomlProblem("invalid value '" + token + "'");
    }

    private static Value integer(String token, String digits, int radix) {
        try {
            return NixInt.of(Long.parseLong(digits.replace("_", ""), radix));
        } catch (NumberFormatException e) {
            throw new TomlProblem("integer " + token + " is out of range (must be between -2^63 and 2^63 - 1)");
        }
    }
}
