package dev.sysbuild.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.eval.value.Value;
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
import org.opentest4j.AssertionFailedError;

/**
 * Runs the language cases in {@code src/test/resources/lang/}, one dynamic test per file.
 *
 * <p>{@code NAME.nix} with {@code NAME.exp} must evaluate and print (strictly, as
 * {@code sysbuild eval --strict} does) exactly the text of {@code NAME.exp}. {@code NAME.nix}
 * with {@code NAME.err} must fail, and the rendered error (message, {@code file:line:col},
 * source line and caret) must equal {@code NAME.err}; file names in it are written relative to
 * the case's folder, and paths in printed values start with {@code $DIR} (that folder), so the
 * expectations do not depend on where the checkout lives.
 *
 * <p>Cases under {@code lang/notyetpassing/} are known gaps: they must still FAIL. When one
 * starts passing the test fails loudly, so that it is moved up into {@code lang/} and keeps
 * guarding the fix.
 */
class LanguageCasesTest {
    private static final String NOT_YET_PASSING = "notyetpassing";

    @TestFactory
    Stream<DynamicTest> languageCases() throws IOException {
        Path root = casesRoot();
        Stream<DynamicTest> passing = cases(root).map(nix ->
                DynamicTest.dynamicTest(root.relativize(nix).toString(), nix.toUri(), () -> check(nix)));
        Path gaps = root.resolve(NOT_YET_PASSING);
        Stream<DynamicTest> notYet = Files.isDirectory(gaps)
                ? cases(gaps).map(nix -> DynamicTest.dynamicTest(root.relativize(nix).toString(), nix.toUri(),
                        () -> checkStillFails(nix)))
                : Stream.empty();
        return Stream.concat(passing, notYet);
    }

    /**
     * The cases are read from the source tree, not from target/test-classes: Maven copies
     * resources but never deletes a copy, so a case moved out of notyetpassing/ would linger.
     */
    private static Path casesRoot() {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/lang");
        if (!Files.isDirectory(root)) throw new IllegalStateException("language cases not found in " + root.toAbsolutePath());
        return root;
    }

    /** The .nix files directly in a folder (not in its subfolders), sorted by name. */
    private static Stream<Path> cases(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".nix")).sorted().toList();
            return files.stream();
        }
    }

    private static void check(Path nix) throws Exception {
        Path exp = sibling(nix, ".exp");
        Path err = sibling(nix, ".err");
        boolean okay = Files.exists(exp);
        if (okay == Files.exists(err)) {
            fail(nix.getFileName() + " needs exactly one of " + exp.getFileName() + " (expected value) or "
                    + err.getFileName() + " (expected error)");
        }
        Outcome out = evaluate(nix);
        if (okay) {
            if (out.error() != null) {
                fail("expected a value but evaluation failed:\n" + out.error());
            }
            assertEquals(read(exp), out.value(), "printed value of " + nix.getFileName());
        } else {
            if (out.value() != null) {
                fail("expected an error but evaluation succeeded with: " + out.value());
            }
            assertEquals(read(err), out.error(), "rendered error of " + nix.getFileName());
        }
    }

    private static void checkStillFails(Path nix) {
        // A case without its expectation would "fail" forever without showing anything.
        if (Files.exists(sibling(nix, ".exp")) == Files.exists(sibling(nix, ".err"))) {
            fail(nix.getFileName() + " needs exactly one of .exp or .err, holding what it should produce once fixed");
        }
        try {
            check(nix);
        } catch (AssertionFailedError | Exception e) {
            return; // the known gap is still there, as expected
        }
        fail(nix.getFileName() + " passes now: move it (and its .exp/.err) from lang/" + NOT_YET_PASSING
                + "/ up into lang/ so it keeps guarding the fix");
    }

    /** Either the strictly printed value or the rendered error, with the case folder's path removed. */
    private record Outcome(String value, String error) {}

    private static Outcome evaluate(Path nix) throws Exception {
        // A fixed environment: no HOME, no NIX_PATH, whatever the machine running the tests has.
        Evaluator ev = new Evaluator(new LocalIO(Map.of()), List.of());
        String path = Bytes.encode(nix.toAbsolutePath().toString());
        String dir = Bytes.encode(nix.toAbsolutePath().getParent().toString());
        String dirPrefix = dir + "/";
        try {
            String printed = DeepStack.run(() -> {
                Value v = ev.importFile(path).force();
                return ValuePrinter.print(v, true);
            });
            return new Outcome(printed.replace(dir, "$DIR"), null);
        } catch (ParseException e) {
            return new Outcome(null, normalise(e.render(), dirPrefix));
        } catch (EvalException e) {
            return new Outcome(null, normalise(e.render(), dirPrefix));
        }
    }

    private static String normalise(String rendered, String dirPrefix) {
        return rendered.replace(dirPrefix, "").stripTrailing();
    }

    private static Path sibling(Path nix, String extension) {
        String name = nix.getFileName().toString();
        return nix.resolveSibling(name.substring(0, name.length() - ".nix".length()) + extension);
    }

    /** Expectation files are UTF-8; values and messages are byte strings, so compare bytes as chars. */
    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).stripTrailing();
    }
}
