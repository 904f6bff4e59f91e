package dev.sysbuild.eval.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.LocalIO;
import dev.sysbuild.eval.print.ValuePrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashBuiltinsTest {
    private static String eval(String expr) {
        return ValuePrinter.print(new Evaluator(LocalIO.system(), List.of()).evalString("«test»", expr, "/"), true);
    }

    @Test
    void hashStringPrintsBase16() {
        assertThat(eval("builtins.hashString \"sha256\" \"hello\""))
                .isEqualTo("\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\"");
        assertThat(eval("builtins.hashString \"md5\" \"\"")).isEqualTo("\"d41d8cd98f00b204e9800998ecf8427e\"");
        assertThat(eval("builtins.hashString \"sha1\" \"\"")).isEqualTo("\"da39a3ee5e6b4b0d3255bfef95601890afd80709\"");
    }

    @Test
    void hashStringHashesTheUtf8Bytes() {
        // the answer of nix-instantiate 2.8: md5 of the two bytes c3 a9
        assertThat(eval(Bytes.encode("builtins.hashString \"md5\" \"é\"")))
                .isEqualTo("\"66ddcd97cfdeabb2f6fb8a999b4bc76f\"");
    }

    @Test
    void unknownAlgorithmIsNamed() {
        assertThatThrownBy(() -> eval("builtins.hashString \"foo\" \"x\""))
                .isInstanceOf(EvalException.class)
                .hasMessage("unknown hash algorithm 'foo', expect 'md5', 'sha1', 'sha256', or 'sha512'");
    }

    @Test
    void hashFileReadsTheBytes(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("data");
        Files.write(f, new byte[] {'x'});
        assertThat(eval("builtins.hashFile \"sha256\" " + f))
                .isEqualTo("\"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\"");
        assertThat(eval("builtins.hashFile \"sha256\" \"" + f + "\""))
                .isEqualTo("\"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\"");
    }

    @Test
    void hashFileOfAMissingPathSaysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> eval("builtins.hashFile \"md5\" " + dir.resolve("nope")))
                .isInstanceOf(EvalException.class)
                .hasMessage("path '" + dir.resolve("nope") + "' does not exist");
    }

    @Test
    void convertHashBetweenAllFormats() {
        String hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        String nix32 = "1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s";
        String b64 = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";
        for (String input : List.of(hex, hex.toUpperCase(), nix32, b64)) {
            String conv = "{ hash = \"" + input + "\"; hashAlgo = \"sha256\"; toHashFormat = ";
            assertThat(eval("builtins.convertHash " + conv + "\"base16\"; }")).isEqualTo("\"" + hex + "\"");
            assertThat(eval("builtins.convertHash " + conv + "\"nix32\"; }")).isEqualTo("\"" + nix32 + "\"");
            assertThat(eval("builtins.convertHash " + conv + "\"base64\"; }")).isEqualTo("\"" + b64 + "\"");
            assertThat(eval("builtins.convertHash " + conv + "\"sri\"; }")).isEqualTo("\"sha256-" + b64 + "\"");
        }
    }

    @Test
    void convertHashTakesTheAlgorithmFromAPrefixOrSri() {
        assertThat(eval("builtins.convertHash { hash = \"md5:d41d8cd98f00b204e9800998ecf8427e\"; toHashFormat = \"nix32\"; }"))
                .isEqualTo("\"3y8bwfr609h3lh9ch0izcqq7fl\"");
        assertThat(eval("builtins.convertHash { hash = \"sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=\"; toHashFormat = \"base16\"; }"))
                .isEqualTo("\"da39a3ee5e6b4b0d3255bfef95601890afd80709\"");
    }

    @Test
    void convertHashRejectsWhatNixRejects() {
        assertThatThrownBy(() -> eval("builtins.convertHash { hash = \"abc\"; toHashFormat = \"sri\"; }"))
                .hasMessage("hash 'abc' does not include a type, nor is the type otherwise known from context");
        assertThatThrownBy(() -> eval("builtins.convertHash { hash = \"sha256:abc\"; toHashFormat = \"sri\"; }"))
                .hasMessage("hash 'abc' has wrong length for hash algorithm 'sha256'");
        assertThatThrownBy(() -> eval("builtins.convertHash { hash = \"sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=\"; "
                + "hashAlgo = \"sha256\"; toHashFormat = \"sri\"; }"))
                .hasMessage("hash 'sha1-2jmj7l5rSw0yVb/vlWAYkK/YBwk=' should have type 'sha256'");
        // a leading 2 sets bit 256 of a 256-bit hash
        assertThatThrownBy(() -> eval("builtins.convertHash { hash = \"sha256:2mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73\"; "
                + "toHashFormat = \"base16\"; }"))
                .hasMessage("invalid base-32 hash '2mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73'");
        assertThatThrownBy(() -> eval("builtins.convertHash { hash = \"md5:d41d8cd98f00b204e9800998ecf8427e\"; toHashFormat = \"hex\"; }"))
                .hasMessage("unknown hash format 'hex', expect 'base16', 'base32', 'base64', or 'sri'");
    }
}
