package dev.sysbuild.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path used as a string ({@code "${./p}"}) stands for its store path: the recursive import
 * computed without copying. Golden paths are Nix 2.8's, from nix-formats.md §2 and §6 (measured
 * with {@code nix-instantiate} on the same fixture tree).
 */
class ImportedSourcesTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryIsImportedByItsNar() throws IOException {
        Path tree = NixFixtures.tree(dir);
        assertThat(TestEval.show(TestEval.nixStoreEvaluator(), NixFixtures.interpolated(tree)))
                .isEqualTo("\"/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree\"");
    }

    @Test
    void aSymlinkIsImportedAsASymlinkNotFollowed() throws IOException {
        Path tree = NixFixtures.tree(dir);
        assertThat(TestEval.show(TestEval.nixStoreEvaluator(), NixFixtures.interpolated(tree.resolve("c"))))
                .isEqualTo("\"/nix/store/6x7vngicb0kfpzsbj9viwmcx7qynjyn8-c\"");
    }

    @Test
    void theStringDependsOnTheStorePath() throws IOException {
        Path tree = NixFixtures.tree(dir);
        assertThat(TestEval.show(TestEval.nixStoreEvaluator(), "builtins.getContext " + NixFixtures.interpolated(tree)))
                .isEqualTo("{ \"/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree\" = { path = true; }; }");
    }

    @Test
    void theDefaultStoreDirectoryGivesOtherPaths() throws IOException {
        Path tree = NixFixtures.tree(dir);
        String path = TestEval.show(TestEval.evaluator(), NixFixtures.interpolated(tree));
        assertThat(path).startsWith("\"/sysbuild/store/").endsWith("-tree\"")
                .isNotEqualTo("\"/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree\"");
    }

    @Test
    void aPathIsImportedOncePerEvaluation() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "one");
        Evaluator ev = TestEval.nixStoreEvaluator();
        String first = TestEval.show(ev, NixFixtures.interpolated(file));
        Files.writeString(file, "two");
        assertThat(TestEval.show(ev, NixFixtures.interpolated(file))).isEqualTo(first);
        assertThat(TestEval.show(TestEval.nixStoreEvaluator(), NixFixtures.interpolated(file))).isNotEqualTo(first);
    }

    @Test
    void nothingIsWrittenToTheStore() throws IOException {
        Path tree = NixFixtures.tree(dir);
        Path store = dir.resolve("store");
        Evaluator ev = new Evaluator(new LocalIO(Map.of()), List.of(),
                EvalSettings.defaults().withStoreDir(new StoreDir(store.toString())));
        assertThat(TestEval.show(ev, NixFixtures.interpolated(tree))).startsWith("\"" + store + "/");
        assertThat(store).doesNotExist();
    }

    @Test
    void drvFilesAndMissingFilesAreErrors() throws IOException {
        Path drv = Files.writeString(dir.resolve("x.drv"), "");
        assertThat(TestEval.error(NixFixtures.interpolated(drv))).isEqualTo("file names are not allowed to end in '.drv'");
        assertThat(TestEval.error(NixFixtures.interpolated(dir.resolve("missing"))))
                .isEqualTo("getting status of '" + dir.resolve("missing") + "': No such file or directory");
    }

    @Test
    void settingsReachStoreDirAndCurrentSystem() {
        assertThat(TestEval.show(TestEval.nixStoreEvaluator(), "[ builtins.storeDir builtins.currentSystem ]"))
                .isEqualTo("[ \"/nix/store\" \"x86_64-linux\" ]");
        assertThat(TestEval.show(TestEval.evaluator(), "builtins.storeDir")).isEqualTo("\"/sysbuild/store\"");
        assertThat(TestEval.show(TestEval.evaluator(), "builtins.currentSystem"))
                .isEqualTo("\"" + EvalSettings.hostSystem() + "\"");
    }

    @Test
    void theHostSystemIsNamedAsNixNamesIt() {
        assertThat(EvalSettings.system("amd64", "Linux")).isEqualTo("x86_64-linux");
        assertThat(EvalSettings.system("aarch64", "Linux")).isEqualTo("aarch64-linux");
        assertThat(EvalSettings.system("aarch64", "Mac OS X")).isEqualTo("aarch64-darwin");
    }

}
