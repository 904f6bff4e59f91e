package dev.sysbuild.eval.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.eval.EvalSettings;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.LocalIO;
import dev.sysbuild.eval.NixFixtures;
import dev.sysbuild.eval.TestEval;
import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * toFile, path, filterSource and storePath with store {@code /nix/store}, on the fixture tree.
 * Expected paths are Nix 2.8's: from nix-formats.md §2 and §6 where it has them, otherwise printed
 * by {@code nix-instantiate --eval --strict} for the same expression on the same tree.
 */
class StoreBuiltinsTest {
    private static final String HELLO = "/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt";
    private static final String TOFILE_HELLO = "builtins.toFile \"hello.txt\" \"hi\"";

    @TempDir
    Path dir;
    private Path tree;

    @BeforeEach
    void fixture() throws IOException {
        tree = NixFixtures.tree(dir);
    }

    private static String show(String expr) {
        return TestEval.show(TestEval.nixStoreEvaluator(), expr);
    }

    private static String error(String expr) {
        return TestEval.error(TestEval.nixStoreEvaluator(), expr);
    }

    @Test
    void toFileIsATextPathThatDependsOnItself() {
        assertThat(show(TOFILE_HELLO)).isEqualTo("\"" + HELLO + "\"");
        assertThat(show("builtins.getContext (" + TOFILE_HELLO + ")")).isEqualTo("{ \"" + HELLO + "\" = { path = true; }; }");
    }

    @Test
    void toFileReferencesThePathsInTheContextOfItsText() {
        assertThat(show("let h = " + TOFILE_HELLO + "; in builtins.toFile \"ref.txt\" \"see ${h}\""))
                .isEqualTo("\"/nix/store/isn9fn4knd0d2vpkf1gdllrs2kxxp6va-ref.txt\"");
        assertThat(show("let h = " + TOFILE_HELLO + "; in builtins.toFile \"ref.txt\" "
                + "\"see ${builtins.unsafeDiscardStringContext h}\""))
                .isEqualTo("\"/nix/store/7zhghx5s0hn32j5pmvcl0bhb7vj7nxny-ref.txt\"");
    }

    @Test
    void toFileRefusesDerivationsBadNamesAndNonStrings() {
        assertThat(error("builtins.toFile \"bad\" \"${derivation { name = \"simple\"; system = \"x86_64-linux\"; "
                + "builder = \"/bin/sh\"; args = [ \"-c\" \"echo hi > $out\" ]; }}\""))
                .isEqualTo("in 'toFile': the file named 'bad' must not contain a reference to a derivation but contains "
                        + "(!out!/nix/store/cxl3gdvrylxaanfsn3n3a8lhnh2jfrc5-simple.drv)");
        assertThat(error("builtins.toFile \"a b\" \"x\""))
                .isEqualTo("store path 'dm85kbl5cy82j2dzvy1874s14y3salv3-a b' contains illegal character ' '");
        assertThat(error("builtins.toFile \"x\" 1")).isEqualTo("expected a string but found an integer: 1");
    }

    @Test
    void pathImportsRecursivelyOrFlat() {
        assertThat(show("builtins.path { path = " + tree.resolve("a") + "; }"))
                .isEqualTo("\"/nix/store/bgx7nx44cfl4yl5cqgmq9vnszn9xmk2q-a\"");
        assertThat(show("builtins.path { path = " + tree.resolve("a") + "; recursive = false; }"))
                .isEqualTo("\"/nix/store/kr3vy2qr7m4n22wc5q773cryxqz3m24w-a\"");
        assertThat(show("builtins.path { path = " + tree + "; name = \"renamed\"; }"))
                .isEqualTo("\"/nix/store/7rrxg1n04szmnmlsafsg35qhakzphfn9-renamed\"");
        // A string naming an absolute path does as well as a path.
        assertThat(show("builtins.path { path = \"" + tree + "/\"; }"))
                .isEqualTo("\"/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree\"");
    }

    @Test
    void aFilterSeesEachEntryBelowTheRootWithItsType() {
        assertThat(show("builtins.filterSource (p: t: t != \"symlink\") " + tree))
                .isEqualTo("\"/nix/store/ncps1fgd5zy8yijxsxs3602wl76ii9k9-tree\"");
        assertThat(show("builtins.path { path = " + tree + "; filter = p: t: baseNameOf p == \"a\"; }"))
                .isEqualTo("\"/nix/store/iffs7gic68x200ljqqsq2w4vxg0dx2hs-tree\"");
        assertThat(show("builtins.path { path = " + tree + "; filter = p: t: t == \"regular\"; name = \"regular\"; }"))
                .isEqualTo("\"/nix/store/fdppb6xzaacwmmdwa7r3pavc36qpjmbi-regular\"");
        // Full paths, in NAR order, never the root itself.
        assertThat(show("let seen = p: t: builtins.elem \"${p} ${t}\" [ \"" + tree + "/a regular\" \"" + tree
                + "/b regular\" \"" + tree + "/c symlink\" ] || throw \"unexpected ${p} ${t}\"; in "
                + "builtins.filterSource seen " + tree)).isEqualTo("\"/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree\"");
    }

    @Test
    void filterErrorsAreReported() {
        assertThat(error("builtins.filterSource (_: _: 1) " + tree)).isEqualTo("expected a Boolean but found an integer: 1");
        assertThat(error("builtins.filterSource [ ] " + tree))
                .isEqualTo("first argument in call to 'filterSource' is not a function but a list");
        assertThat(error("builtins.filterSource (_: _: true) \"foo\""))
                .isEqualTo("string 'foo' doesn't represent an absolute path");
    }

    @Test
    void anExpectedHashMustMatch() {
        assertThat(show("builtins.path { path = " + tree + "; sha256 = \"0q22nnpn8m96qmkdhjjkbcyl6jh58ib6mdy9qybfm22qv66j3cxg\"; }"))
                .isEqualTo("\"/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree\"");
        assertThat(show("builtins.path { path = " + tree.resolve("a") + "; recursive = false; "
                + "sha256 = \"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\"; }"))
                .isEqualTo("\"/nix/store/kr3vy2qr7m4n22wc5q773cryxqz3m24w-a\"");
        assertThat(error("builtins.path { path = " + tree.resolve("a") + "; recursive = false; "
                + "sha256 = \"sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=\"; }"))
                .isEqualTo("store path mismatch in (possibly filtered) path added from '" + tree.resolve("a") + "'");
    }

    @Test
    void aPathAlreadyImportedNeedsNoSourceWhenItsHashIsGiven() throws IOException {
        Path gone = Files.writeString(dir.resolve("gone"), "x");
        String expr = "builtins.path { path = " + gone + "; sha256 = \"2ca0b8ce996f865db37619bfe91023559305aad8158042fc6ddb0ef1d43c5b67\"; }";
        Evaluator ev = TestEval.nixStoreEvaluator();
        String first = TestEval.show(ev, expr);
        Files.delete(gone);
        assertThat(TestEval.show(ev, expr)).isEqualTo(first);
    }

    @Test
    void pathArgumentsAreChecked() {
        assertThat(error("builtins.path { path = " + tree + "; bogus = 1; }")).isEqualTo("unsupported argument 'bogus' to 'addPath'");
        assertThat(error("builtins.path { name = \"x\"; }")).isEqualTo("'path' required");
        assertThat(error("builtins.path { path = " + tree + "; recursive = \"x\"; }"))
                .isEqualTo("expected a Boolean but found a string: \"x\"");
    }

    @Test
    void aSourceInTheStoreKeepsItsReferences() throws IOException {
        // Nix 2.8 (writing the store) carries the references of a store path it imports into the
        // new path (nix-formats.md §6). Here the text is put where the store would have it.
        Path store = Files.createDirectory(dir.resolve("store"));
        Evaluator ev = new Evaluator(new LocalIO(Map.of()), List.of(),
                EvalSettings.defaults().withStoreDir(new StoreDir(store.toString())));
        String hello = unquote(TestEval.show(ev, TOFILE_HELLO));
        String ref = unquote(TestEval.show(ev, "builtins.toFile \"ref.txt\" \"see ${" + TOFILE_HELLO + "}\""));
        Files.writeString(Path.of(ref), "see " + hello);
        Files.writeString(dir.resolve("ref.txt"), "see " + hello);
        String fromStore = TestEval.show(ev, "builtins.path { path = \"" + ref + "\"; name = \"copy\"; }");
        String fromOutside = TestEval.show(ev, "builtins.path { path = " + dir.resolve("ref.txt") + "; name = \"copy\"; }");
        assertThat(fromStore).isNotEqualTo(fromOutside);
        // Without a name, the store path's whole base name names the copy.
        assertThat(TestEval.show(ev, "builtins.path { path = \"" + ref + "\"; }")).endsWith("-" + Path.of(ref).getFileName() + "\"");
    }

    @Test
    void storePathNamesWhatIsInTheStore() {
        assertThat(show("builtins.getContext (builtins.storePath \"" + HELLO + "\")"))
                .isEqualTo("{ \"" + HELLO + "\" = { path = true; }; }");
        assertThat(error("builtins.storePath true")).isEqualTo("cannot coerce a Boolean to a string: true");
        assertThat(error("builtins.storePath " + tree)).isEqualTo("path '" + tree + "' is not in the Nix store");
    }

    private static String unquote(String printed) {
        return printed.substring(1, printed.length() - 1);
    }
}
