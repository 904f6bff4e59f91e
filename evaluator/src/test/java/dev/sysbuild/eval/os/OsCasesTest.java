package dev.sysbuild.eval.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.DeepStack;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.EvalSettings;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.LocalIO;
import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.language.ParseException;
import dev.sysbuild.store.path.StoreDir;
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
 * The configurations in {@code src/test/resources/os/} (see its README): {@code fail-NAME.conf}
 * must fail building its toplevel with exactly {@code fail-NAME.err}; {@code NAME.conf} must
 * give {@code NAME.exp} for the expression in {@code NAME.expr}.
 */
class OsCasesTest {
    @TempDir
    static Path cache;

    @TestFactory
    Stream<DynamicTest> osCases() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/os");
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
        }
        if (cases.isEmpty()) throw new IllegalStateException("no OS cases in " + root.toAbsolutePath());
        return cases.stream().map(conf -> DynamicTest.dynamicTest(conf.getFileName().toString(), conf.toUri(), () -> check(conf)));
    }

    private static void check(Path conf) throws Exception {
        String name = conf.getFileName().toString().replaceFirst("\\.conf$", "");
        boolean mustFail = name.startsWith("fail-");
        Path expected = conf.resolveSibling(name + (mustFail ? ".err" : ".exp"));
        if (!Files.exists(expected)) fail(conf.getFileName() + " needs " + expected.getFileName());
        String dir = conf.getParent().toAbsolutePath().toString();
        String want = Files.readString(expected, StandardCharsets.UTF_8).stripTrailing();
        String os = "(import <sysbuild/os> { configuration = ./" + name + ".conf; system = \"x86_64-linux\"; })";
        String expr = mustFail ? os + ".toplevel.drvPath" : "import ./" + name + ".expr " + os;
        try {
            String printed = evaluate(expr, dir);
            if (mustFail) fail("expected an error but evaluation succeeded with: " + printed);
            assertEquals(want, printed, "printed value of " + conf.getFileName());
        } catch (EvalException | ParseException e) {
            String message = Bytes.decode(e.getMessage()).replace(dir, "$DIR").stripTrailing();
            if (!mustFail) fail("expected a value but evaluation failed:\n" + message);
            assertEquals(want, message, "error message of " + conf.getFileName());
        }
    }

    private static String evaluate(String expr, String dir) throws Exception {
        Evaluator ev = new Evaluator(new LocalIO(Map.of("XDG_CACHE_HOME", Bytes.encode(cache.toString()))), List.of(),
                new EvalSettings(StoreDir.DEFAULT, "x86_64-linux"));
        return Bytes.decode(DeepStack.run(() -> ValuePrinter.print(ev.evalString("«case»", Bytes.encode(expr), Bytes.encode(dir)), true)));
    }
}
