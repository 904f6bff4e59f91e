package dev.sysbuild.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.language.ParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the module-system cases in {@code src/test/resources/modules/} through
 * {@code import <sysbuild/lib>}, one dynamic test per case, the way
 * {@code shared/conformance/run-modules} does:
 * {@code s.expr (lib.evalModules { modules = s.modules; }).config} evaluated from the cases'
 * folder.
 *
 * <p>{@code NAME.nix} needs {@code NAME.exp}, the strictly printed value. {@code fail-NAME.nix}
 * needs {@code fail-NAME.err}, the exact error message (without the position and trace that
 * the renderer adds), with {@code $DIR} for the cases' folder: so these pin the option path,
 * the expected type, the values and every {@code file:line} a message names.
 */
class ModuleCasesTest {
    @TempDir
    static Path cache;

    @TestFactory
    Stream<DynamicTest> moduleCases() throws IOException {
        Path root = casesRoot();
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(p -> p.getFileName().toString().endsWith(".nix")).sorted().toList();
        }
        return cases.stream().map(nix -> DynamicTest.dynamicTest(nix.getFileName().toString(), nix.toUri(), () -> check(nix)));
    }

    /** Read from the source tree, like the language cases, so a removed case does not linger. */
    private static Path casesRoot() {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/modules");
        if (!Files.isDirectory(root)) throw new IllegalStateException("module cases not found in " + root.toAbsolutePath());
        return root;
    }

    private static void check(Path nix) throws Exception {
        String name = nix.getFileName().toString().replaceFirst("\\.nix$", "");
        boolean mustFail = name.startsWith("fail-");
        Path expected = nix.resolveSibling(name + (mustFail ? ".err" : ".exp"));
        if (!Files.exists(expected)) fail(nix.getFileName() + " needs " + expected.getFileName());
        String dir = nix.getParent().toAbsolutePath().toString();
        String want = Files.readString(expected, StandardCharsets.UTF_8).stripTrailing();
        try {
            String printed = evaluate(name, dir);
            if (mustFail) fail("expected an error but evaluation succeeded with: " + printed);
            assertEquals(want, printed, "printed value of " + nix.getFileName());
        } catch (EvalException | ParseException e) {
            String message = Bytes.decode(e.getMessage()).replace(dir, "$DIR").stripTrailing();
            if (!mustFail) fail("expected a value but evaluation failed:\n" + message);
            assertEquals(want, message, "error message of " + nix.getFileName());
        }
    }

    private static String evaluate(String name, String dir) throws Exception {
        // The bundled lib is unpacked into a temporary cache; nothing else of the machine's
        // environment is seen.
        EvalIO io = new LocalIO(Map.of("XDG_CACHE_HOME", Bytes.encode(cache.toString())));
        Evaluator ev = new Evaluator(io, List.of());
        String expr = "let lib = import <sysbuild/lib>; s = import ./" + name + ".nix lib;"
                + " in s.expr (lib.evalModules { modules = s.modules; }).config";
        return Bytes.decode(DeepStack.run(
                () -> ValuePrinter.print(ev.evalString("«case»", expr, Bytes.encode(dir)), true)));
    }
}
