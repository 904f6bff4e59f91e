package dev.sysbuild.eval.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.NixFixtures;
import dev.sysbuild.eval.TestEval;
import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.store.derivation.Derivation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derivations in {@code src/test/resources/nix-2.8/derivations} (see its README): with store
 * {@code /nix/store}, {@code derivationStrict} must give the paths Nix 2.8 gave, and the store
 * must hold exactly the {@code .drv} bytes Nix wrote, though nothing is written.
 */
class DerivationGoldenTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> derivationsAreNix28s() throws IOException {
        Path cases = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/nix-2.8/derivations");
        List<Path> nixFiles;
        try (Stream<Path> s = Files.list(cases)) {
            nixFiles = s.filter(p -> p.toString().endsWith(".nix")).sorted().toList();
        }
        return nixFiles.stream().map(nix -> DynamicTest.dynamicTest(nix.getFileName().toString(), () -> check(cases, nix)));
    }

    private void check(Path cases, Path nix) throws IOException {
        // The cases import each other and refer to ./tree, so they run from a copy beside the fixture.
        Path work = Files.createTempDirectory(dir, "case");
        NixFixtures.tree(work);
        try (Stream<Path> s = Files.list(cases)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".nix")).toList()) Files.copy(p, work.resolve(p.getFileName()));
        }
        String name = nix.getFileName().toString().replaceFirst("\\.nix$", "");
        Evaluator ev = TestEval.nixStoreEvaluator();
        Value result = TestEval.onDeepStack(() -> ev.evalString("«test»",
                Bytes.encode("builtins.derivationStrict (import " + work.resolve(name + ".nix") + ")"), "/").force());

        assertThat(TestEval.onDeepStack(() -> ValuePrinter.print(result, true)))
                .as("paths of %s", name).isEqualTo(read(cases.resolve(name + ".exp")));
        String drvPath = ((NixString) ((NixAttrs) result).get("drvPath").force()).value;
        Derivation drv = ev.store().derivation(ev.store().storeDir().parse(drvPath)).orElseThrow();
        assertThat(Bytes.latin1(drv.toATerm())).as(".drv of %s", name).isEqualTo(read(cases.resolve(name + ".drv")));
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).stripTrailing();
    }
}
