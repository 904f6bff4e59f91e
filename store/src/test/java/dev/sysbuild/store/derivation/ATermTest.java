package dev.sysbuild.store.derivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.StoreDir;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code .drv} text form: escaping and reading as Nix 2.8 does them (shared/notes/nix-formats.md §3). */
class ATermTest {
    private static Derivation withBuilderAndSystem(String builder, String system) {
        return new Derivation("d", Map.of("out", DerivationOutput.inputAddressed("/nix/store/x-d")), Map.of(), Set.of(),
                system, builder, List.of(), Map.of());
    }

    private static String aterm(Derivation d) {
        return new String(d.toATerm(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void onlyQuoteBackslashAndThreeControlsAreEscaped() {
        // U+0001, é (as its UTF-8 bytes) and DEL are copied raw, as 2.8 does
        String builder = "a\"b\\c\nd\re\tf\u0001g\u00c3\u00a9h\u007f";
        String text = aterm(withBuilderAndSystem(builder, "x86_64-linux"));
        assertThat(text).contains(",\"a\\\"b\\\\c\\nd\\re\\tf\u0001g\u00c3\u00a9h\u007f\",");
        assertThat(Derivation.parse(text.getBytes(StandardCharsets.ISO_8859_1), "d").builder()).isEqualTo(builder);
    }

    @Test
    void systemIsWrittenRawSoAQuoteInItBreaksTheFile() {
        Derivation d = withBuilderAndSystem("/bin/sh", "x\"y");
        assertThat(aterm(d)).contains("],\"x\"y\",\"/bin/sh\"");
        assertThatThrownBy(() -> Derivation.parse(d.toATerm(), "d"))
                .isInstanceOf(DerivationFormatException.class)
                .hasMessageContaining("error parsing derivation 'd'");
    }

    @Test
    void theReaderTakesBackslashXAsX() {
        byte[] text = "Derive([(\"out\",\"/nix/store/x-d\",\"\",\"\")],[],[],\"s\",\"\\a\\\\\\q\",[],[])"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Derivation.parse(text, "d").builder()).isEqualTo("a\\q");
    }

    @Test
    void noTrailingNewlineAndNothingAfterTheEnd() {
        Derivation d = withBuilderAndSystem("/bin/sh", "s");
        byte[] text = d.toATerm();
        assertThat(text[text.length - 1]).isEqualTo((byte) ')');
        byte[] withNewline = (new String(text, StandardCharsets.ISO_8859_1) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> Derivation.parse(withNewline, "d")).hasMessageContaining("after the end");
    }

    @Test
    void parseErrorsGiveTheOffset() {
        assertThatThrownBy(() -> Derivation.parse("Derive([(\"out\"".getBytes(StandardCharsets.US_ASCII), "d"))
                .hasMessage("error parsing derivation 'd' at byte 14: expected ','");
        assertThatThrownBy(() -> Derivation.parse("Derive([],[],[\"relative\"],".getBytes(StandardCharsets.US_ASCII), "d"))
                .hasMessageContaining("bad path 'relative'");
        assertThatThrownBy(() -> Derivation.parse("Nonsense".getBytes(StandardCharsets.US_ASCII), "d"))
                .hasMessageContaining("expected 'Derive('");
    }

    @Test
    void javaTextAboveLatin1IsRefusedNotMangled() {
        Derivation d = withBuilderAndSystem("snow \u2603", "s");
        assertThatThrownBy(d::toATerm)
                .isInstanceOf(DerivationFormatException.class)
                .hasMessageContaining("U+2603");
    }

    @Test
    void aQuestionMarkIsKeptAndAWideCharacterBesideItRefusedInEveryField() {
        // The writer encodes as ISO-8859-1, which turns a wide char into '?': each '?' is checked.
        String builder = "?a?\"?" + "x".repeat(5000) + "?";
        String text = aterm(withBuilderAndSystem(builder, "sys?"));
        assertThat(text).contains(",\"sys?\",\"?a?\\\"?" + "x".repeat(5000) + "?\",");
        assertThat(Derivation.parse(text.getBytes(StandardCharsets.ISO_8859_1), "d").builder()).isEqualTo(builder);
        assertThatThrownBy(() -> withBuilderAndSystem("?\u2603", "s").toATerm()).hasMessageContaining("U+2603");
        assertThatThrownBy(() -> withBuilderAndSystem("b", "?\u2603").toATerm()).hasMessageContaining("U+2603");
    }

    @Test
    void theModelIsImmutableAndSorted() {
        Derivation d = new Derivation("d", Map.of("z", DerivationOutput.deferred(), "a", DerivationOutput.deferred()),
                Map.of("/s/b.drv", Set.of("z", "a")), Set.of("/s/2", "/s/1"), "s", "b", List.of("2", "1"),
                Map.of("k2", "v", "k1", "v"));
        assertThat(d.outputs().keySet()).containsExactly("a", "z");
        assertThat(d.inputDrvs().get("/s/b.drv")).containsExactly("a", "z");
        assertThat(d.inputSrcs()).containsExactly("/s/1", "/s/2");
        assertThat(d.args()).containsExactly("2", "1");
        assertThat(d.env().keySet()).containsExactly("k1", "k2");
        assertThatThrownBy(() -> d.env().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void hasherRefusesWhatNixRefuses() {
        DerivationHasher hasher = new DerivationHasher(new StoreDir("/nix/store"));
        FixedOutputHash fixed = FixedOutputHash.flat(HashAlgo.SHA256.hash(new byte[0]));
        Derivation mixed = new Derivation("m", Map.of("out", DerivationOutput.fixed("", fixed), "dev", DerivationOutput.deferred()),
                Map.of(), Set.of(), "s", "b", List.of(), Map.of());
        assertThatThrownBy(() -> hasher.instantiate(mixed)).hasMessageContaining("exactly one output, 'out'");
        Derivation unknownInput = new Derivation("u", Map.of("out", DerivationOutput.deferred()),
                Map.of("/nix/store/cxl3gdvrylxaanfsn3n3a8lhnh2jfrc5-simple.drv", Set.of("out")), Set.of(), "s", "b",
                List.of(), Map.of());
        assertThatThrownBy(() -> hasher.instantiate(unknownInput)).hasMessageContaining("is unknown");
        Derivation floating = new Derivation("f", Map.of("out", new DerivationOutput("", "r:sha256", "")), Map.of(),
                Set.of(), "s", "b", List.of(), Map.of());
        assertThatThrownBy(() -> hasher.instantiate(floating)).hasMessageContaining("not supported");
    }

    @Test
    void fixedOutputFieldsAreMethodAlgoAndBase16() {
        Hash h = HashAlgo.SHA1.hash(new byte[0]);
        DerivationOutput o = DerivationOutput.fixed("/p", FixedOutputHash.recursive(h));
        assertThat(o.hashAlgo()).isEqualTo("r:sha1");
        assertThat(o.hash()).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertThat(o.fixedHash()).contains(FixedOutputHash.recursive(h));
    }
}
