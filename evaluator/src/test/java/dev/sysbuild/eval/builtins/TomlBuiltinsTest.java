package dev.sysbuild.eval.builtins;

import static dev.sysbuild.eval.TestEval.eval;
import static dev.sysbuild.eval.TestEval.onDeepStack;
import static dev.sysbuild.eval.TestEval.show;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.eval.value.NixString;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TomlBuiltinsTest {
    /** fromTOML applied to this TOML text (Java text, passed as UTF-8), printed as {@code eval --strict} would. */
    private static String fromToml(String toml) {
        return fromTomlBytes(Bytes.encode(toml));
    }

    private static String fromTomlBytes(String bytes) {
        return onDeepStack(() -> Bytes.decode(ValuePrinter.print(
                Calls.apply(eval("builtins.fromTOML"), NixString.of(bytes), null), true)));
    }

    private static String error(String toml) {
        String[] message = new String[1];
        assertThatThrownBy(() -> fromToml(toml))
                .isInstanceOfSatisfying(EvalException.class, e -> message[0] = Bytes.decode(e.getMessage()));
        return message[0];
    }

    @Test
    void isATopLevelName() {
        assertThat(show("fromTOML \"a = 1\"")).isEqualTo("{ a = 1; }");
    }

    @Test
    void readsTablesHeadersAndDottedKeys() {
        assertThat(fromToml("""
                title = "t"
                [owner]
                name = "x"
                [a.b.c]
                d = 1
                [ a ]
                e = 2
                site."google.com" = true
                """)).isEqualTo("{ a = { b = { c = { d = 1; }; }; e = 2; site = { \"google.com\" = true; }; }; "
                + "owner = { name = \"x\"; }; title = \"t\"; }");
    }

    @Test
    void readsArraysOfTablesAndTheirSubTables() {
        assertThat(fromToml("""
                [[fruit]]
                  name = "apple"
                  [fruit.physical]
                    color = "red"
                  [[fruit.variety]]
                    name = "red delicious"
                [[fruit]]
                  name = "banana"
                [[empty]]
                """)).isEqualTo("{ empty = [ { } ]; fruit = [ { name = \"apple\"; physical = { color = \"red\"; }; "
                + "variety = [ { name = \"red delicious\"; } ]; } { name = \"banana\"; } ]; }");
    }

    @Test
    void readsInlineTablesAndArraysOverSeveralLines() {
        assertThat(fromToml("""
                point = { x = 1, y.z = 2 }
                empty = {}
                arr = [
                  1, # one
                  [2, 3],
                  { b = true },
                ]
                nested = [[{ b = true }]]
                """)).isEqualTo("{ arr = [ 1 [ 2 3 ] { b = true; } ]; empty = { }; nested = [ [ { b = true; } ] ]; "
                + "point = { x = 1; y = { z = 2; }; }; }");
    }

    @Test
    void readsAllFourKindsOfString() {
        String toml = "basic = \"tab\\there \\u00E9 \\U0001F600 \\\"q\\\" \\\\\"\n"
                + "literal = 'C:\\path \"x\"'\n"
                + "ml = \"\"\"\none\ntwo \\\n    three\"\"\"\n"
                + "quotes = \"\"\"a\"\"b\"\"\"\"\"\n"
                + "mllit = '''\nraw \\n ''x'''''\n";
        assertThat(fromToml(toml)).isEqualTo("{ basic = \"tab\\there é 😀 \\\"q\\\" \\\\\"; "
                + "literal = \"C:\\\\path \\\"x\\\"\"; ml = \"one\\ntwo three\"; mllit = \"raw \\\\n ''x''\"; "
                + "quotes = \"a\\\"\\\"b\\\"\\\"\"; }");
    }

    @Test
    void readsQuotedAndNumericKeys() {
        assertThat(fromToml("\"\" = 1\n'quoted \"k\"' = 2\n1234 = 3\n3.14 = 4\nbare-key_1 = true\n\"ʎǝʞ\" = 5"))
                .isEqualTo("{ \"\" = 1; \"1234\" = 3; \"3\" = { \"14\" = 4; }; bare-key_1 = true; "
                        + "\"quoted \\\"k\\\"\" = 2; \"ʎǝʞ\" = 5; }");
    }

    @Test
    void readsIntegersInEveryBase() {
        assertThat(fromToml("i = [ +99, -17, 0, -0, 1_000, 0xDEAD_beef, 0o755, 0b1101, 0x00ff, "
                + "9223372036854775807, -9223372036854775808 ]"))
                .isEqualTo("{ i = [ 99 -17 0 0 1000 3735928559 493 13 255 9223372036854775807 -9223372036854775808 ]; }");
    }

    @Test
    void readsFloatsIncludingInfinityAndNan() {
        assertThat(fromToml("f = [ +1.0, 3.1415, -0.01, 5e+22, 1e6, -2E-2, 6.626e-34, 9_224_617.445_991, inf, -inf, +inf, nan, -nan ]"))
                .isEqualTo("{ f = [ 1 3.1415 -0.01 5e+22 1e+06 -0.02 6.626e-34 9.22462e+06 inf -inf inf nan -nan ]; }");
    }

    @Test
    void acceptsWindowsLineEndingsAndComments() {
        assertThat(fromToml("# head\r\na = 1 # one\r\n\r\n[t] # table\r\nb = '''\r\nx\r\n'''\r\n"))
                .isEqualTo("{ a = 1; t = { b = \"x\\r\\n\"; }; }");
    }

    @Test
    void rejectsDefiningAKeyOrTableTwice() {
        assertThat(error("a = 1\na = 2")).isEqualTo("while parsing TOML: duplicate key 'a' at line 2, column 1");
        assertThat(error("[a]\nb = 1\n[a]")).contains("table [a] is defined more than once at line 3, column 1");
        assertThat(error("[fruit]\napple.color = 'red'\n[fruit.apple]")).contains("already defined by dotted keys");
        assertThat(error("[a.b]\nc = 1\n[a]\nb.d = 2"))
                .contains("cannot set 'b.d': 'b' is a table defined by a [header], which dotted keys cannot extend");
        assertThat(error("a.b = 1\na.b.c = 2")).contains("cannot set 'a.b.c': 'a.b' is already a value");
    }

    @Test
    void rejectsExtendingInlineTablesAndStaticArrays() {
        assertThat(error("a = { b = 1 }\n[a.c]")).contains("'a' is already a value");
        assertThat(error("a = { b = 1 }\na.c = 2")).contains("cannot set 'a.c'");
        assertThat(error("a = [ 1 ]\n[[a]]")).contains("cannot append to [[a]]");
        assertThat(error("[[a]]\n[a]")).contains("[a] is already an array of tables");
    }

    @Test
    void rejectsInlineTablesOverSeveralLinesOrWithATrailingComma() {
        assertThat(error("a = { b = 1,\n c = 2 }")).contains("expected a key, found the end of the line");
        assertThat(error("a = { b = 1, }")).contains("expected a key, found '}'");
        assertThat(error("a = { b = 1\n}")).contains("an inline table must be on one line");
    }

    @Test
    void rejectsDatesAndTimesAsNixDoesWithoutTimestamps() {
        assertThat(error("d = 1979-05-27")).startsWith("while parsing TOML: Dates and times are not supported");
        assertThat(error("t = 07:32:00.5")).contains("Dates and times are not supported");
        assertThat(error("dt = 1979-05-27 07:32:00Z")).contains("'1979-05-27 07:32:00Z'");
        assertThat(error("x = [ 1979-05-27T00:32:00-07:00 ]")).contains("Dates and times are not supported");
    }

    @Test
    void rejectsMalformedNumbers() {
        for (String bad : new String[] {"01", "1__0", "1_", "0x", "1.", ".5", "+0x1", "1e", "0b102", "infinity"}) {
            assertThat(error("a = " + bad)).as(bad).contains("invalid value '" + bad + "'");
        }
        assertThat(error("a = 9223372036854775808")).contains("integer 9223372036854775808 is out of range");
        assertThat(error("a = 0x8000000000000000")).contains("out of range");
        assertThat(error("a = 1e400")).contains("float 1e400 is out of range");
    }

    @Test
    void rejectsMalformedStrings() {
        assertThat(error("a = \"abc")).contains("unterminated string");
        assertThat(error("a = \"abc\nb = 1\"")).contains("unterminated string at line 1, column 9");
        assertThat(error("a = \"\\x41\"")).contains("invalid escape sequence");
        assertThat(error("a = \"\u0001\"")).contains("control character U+0001 must be escaped");
        assertThat(error("a = \"\\uD800\"")).contains("is not a Unicode scalar value");
        assertThat(error("a = \"\"\"abc")).contains("unterminated multi-line string");
        assertThat(error("a = '''x''''''")).contains("too many quotes");
        assertThatThrownBy(() -> fromTomlBytes("a = \"\u00C3\""))
                .hasMessageContaining("invalid UTF-8 (TOML text must be UTF-8) at line 1, column 7");
    }

    @Test
    void rejectsNulBytesInKeysAndStrings() {
        assertThat(error("a = \"x\\u0000y\"")).isEqualTo("while parsing TOML: input string 'x␀y' cannot be "
                + "represented as Nix string because it contains null bytes at line 1, column 5");
        assertThat(error("\"a\\u0000\" = 1")).contains("contains null bytes");
    }

    @Test
    void rejectsWhatIsNotAKeyValuePair() {
        assertThat(error("a =")).contains("expected a value, found the end of the text");
        assertThat(error("a = 1 2")).contains("expected the end of the line, found '2' at line 1, column 7");
        assertThat(error("= 1")).contains("expected a key, found '='");
        assertThat(error("ʎ = 1")).contains("put other keys in quotes");
        assertThat(error("a = [1, 2\nc = 3")).contains("expected ',' or ']' after an array element, found 'c' at line 2, column 1");
        assertThat(error("[a")).contains("expected ']' to close the table header");
    }

    @Test
    void rejectsTextThatRefersToTheStore() {
        String path = "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-dep";
        assertThatThrownBy(() -> Calls.apply(eval("builtins.fromTOML"), NixString.of("a = '" + path + "'", Set.of(path)), null))
                .hasMessageContaining("is not allowed to refer to a store path (such as '" + path + "')");
    }
}
