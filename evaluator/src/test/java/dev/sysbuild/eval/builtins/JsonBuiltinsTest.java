package dev.sysbuild.eval.builtins;

import static dev.sysbuild.eval.TestEval.error;
import static dev.sysbuild.eval.TestEval.eval;
import static dev.sysbuild.eval.TestEval.show;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonBuiltinsTest {
    /** The JSON text toJSON gives, as Java text. */
    private static String toJson(String expr) {
        return Bytes.decode(((NixString) eval("builtins.toJSON (" + expr + ")")).value);
    }

    @Test
    void toJsonWritesSortedCompactJson() {
        assertThat(toJson("{ b = [ 1 \"x\" null true ]; a = { c = -4; }; }"))
                .isEqualTo("{\"a\":{\"c\":-4},\"b\":[1,\"x\",null,true]}");
    }

    @Test
    void toJsonWritesFloatsAsTheShortestDecimalThatReadsBack() {
        assertThat(toJson("[ 1.0 0.1 (0.1 + 0.2) 1.0e14 1.0e15 1.0e16 1.0e-4 1.0e-5 1.44 5.0e-324 ]"))
                .isEqualTo("[1.0,0.1,0.30000000000000004,100000000000000.0,1e+15,1e+16,0.0001,1e-05,1.44,5e-324]");
    }

    @Test
    void toJsonEscapesOnlyWhatJsonRequires() {
        assertThat(toJson("\"q\\\" b\\\\ n\\n t\\t é / $\""))
                .isEqualTo("\"q\\\" b\\\\ n\\n t\\t é / $\"");
        assertThat(toJson("builtins.fromJSON ''\"\\u0001\\u001f\\u007f\"''"))
                .isEqualTo("\"\\u0001\\u001f\u007f\"");
    }

    @Test
    void toJsonPeelsToStringAndOutPath() {
        assertThat(toJson("{ __toString = self: \"won\"; outPath = abort \"unused\"; }")).isEqualTo("\"won\"");
        assertThat(toJson("{ outPath = { outPath = \"deep\"; }; }")).isEqualTo("\"deep\"");
        assertThat(toJson("{ outPath = 42; }")).isEqualTo("42");
    }

    @Test
    void toJsonKeepsTheContextOfTheStringsInside() {
        String path = "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-dep";
        Value dep = NixString.of(path, Set.of(path));
        Value json = Calls.apply(eval("x: builtins.toJSON { inherit x; y = [ x ]; }"), dep, null);
        assertThat(((NixString) json).value).isEqualTo("{\"x\":\"" + path + "\",\"y\":[\"" + path + "\"]}");
        assertThat(((NixString) json).context()).containsExactly(path);
    }

    @Test
    void toJsonRejectsFunctions() {
        assertThat(error("builtins.toJSON { a = [ 1 (x: x) ]; }")).isEqualTo("cannot convert a function to JSON");
    }

    @Test
    void toJsonRejectsBytesThatAreNotUtf8() {
        String notUtf8 = "builtins.substring 0 1 \"é\"";
        assertThat(error("builtins.toJSON (\"ab\" + " + notUtf8 + ")"))
                .contains("incomplete UTF-8 string; last byte: 0xC3");
        assertThat(error("builtins.toJSON (" + notUtf8 + " + \"x\")"))
                .contains("invalid UTF-8 byte at index 1: 0x78");
    }

    @Test
    void toJsonStopsAtNixsCallDepthInsteadOfCrashing() {
        String deep = "builtins.foldl' (tail: head: { inherit head tail; }) null (builtins.genList (x: x) 20000)";
        assertThat(error("builtins.toJSON (" + deep + ")")).startsWith("stack overflow; max-call-depth exceeded");
    }

    @Test
    void fromJsonReadsEveryKindOfValue() {
        assertThat(show("builtins.fromJSON ''{ \"a\": [1, -2.5, 1E2, true, false, null, \"s\"], \"b\": {} , \"c\": []}''"))
                .isEqualTo("{ a = [ 1 -2.5 100 true false null \"s\" ]; b = { }; c = [ ]; }");
    }

    @Test
    void fromJsonDecodesEscapesToUtf8() {
        assertThat(show("builtins.fromJSON ''\"\\\" \\\\ \\/ \\n \\u00e9 \\u2192 \\ud83d\\ude00\"''"))
                .isEqualTo("\"\\\" \\\\ / \\n é → 😀\"");
        assertThat(show("builtins.stringLength (builtins.fromJSON ''\"\\ud83d\\ude00\"'')")).isEqualTo("4");
    }

    @Test
    void fromJsonKeepsIntegersThatFitAndMakesLargerOnesFloats() {
        assertThat(show("builtins.fromJSON \"[9223372036854775807, -9223372036854775808]\""))
                .isEqualTo("[ 9223372036854775807 -9223372036854775808 ]");
        Value big = ((NixList) eval("builtins.fromJSON \"[18446744073709551616, -9223372036854775809]\"")).get(0);
        assertThat(big.force()).isInstanceOfSatisfying(NixFloat.class, f -> assertThat(f.value).isEqualTo(1.8446744073709552e19));
        assertThat(error("builtins.fromJSON \"18446744073709551615\""))
                .isEqualTo("unsigned json number 18446744073709551615 outside of Nix integer range");
    }

    @Test
    void fromJsonLetsALaterDuplicateKeyWin() {
        assertThat(show("builtins.fromJSON ''{\"a\": 1, \"a\": 2}''")).isEqualTo("{ a = 2; }");
    }

    @Test
    void fromJsonReportsSyntaxErrorsWithLineAndColumn() {
        assertThat(error("builtins.fromJSON \"[1, 2,]\""))
                .isEqualTo("cannot parse JSON: unexpected ']'; expected a JSON value at line 1, column 7");
        assertThat(error("builtins.fromJSON \"{\\n  \\\"a\\\" 1}\""))
                .isEqualTo("cannot parse JSON: unexpected '1'; expected ':' after an object key at line 2, column 7");
        assertThat(error("builtins.fromJSON \"[01]\"")).contains("expected ',' or ']'");
        assertThat(error("builtins.fromJSON \"\\\"abc\"")).contains("unexpected end of input inside a string");
        assertThat(error("builtins.fromJSON \"tru\"")).contains("invalid literal; expected 'true'");
        assertThat(error("builtins.fromJSON \"1 2\"")).contains("unexpected '2' after the JSON value");
        assertThat(error("builtins.fromJSON \"\"")).contains("unexpected end of input; expected a JSON value");
        assertThat(error("builtins.fromJSON \"[1e400]\"")).contains("too large for a float");
    }

    @Test
    void fromJsonRejectsLoneSurrogatesAndRawControlCharacters() {
        assertThat(error("builtins.fromJSON ''\"\\udc00\"''")).contains("low surrogate");
        assertThat(error("builtins.fromJSON ''\"\\ud800x\"''")).contains("must be followed by a low surrogate");
        assertThat(error("builtins.fromJSON \"\\\"a\\tb\\\"\"")).contains("control character U+0009 must be escaped");
    }

    @Test
    void fromJsonRejectsNulBytesInKeysAndValues() {
        assertThat(error("builtins.fromJSON ''\"a\\u0000b\"''"))
                .isEqualTo("input string 'a␀b' cannot be represented as Nix string because it contains null bytes");
        assertThat(error("builtins.fromJSON ''{\"a\\u0000b\": 1}''")).contains("contains null bytes");
    }

    @Test
    void fromJsonRoundTripsToJson() {
        String json = "{\"a\":[1,2.5,\"x\\ny\"],\"b\":{\"c\":null}}";
        assertThat(toJson("builtins.fromJSON ''" + json + "''")).isEqualTo(json);
    }
}
