package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sysbuild build FILE} and {@code sysbuild store log}, on a temporary root. */
class BuildCommandTest {
    @TempDir
    Path dir;

    Path root;

    @BeforeEach
    void makeRoot() throws IOException {
        root = Files.createDirectory(dir.resolve("root"));
    }

    private String file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }

    private static String sh(String name, String script, String extra) {
        return "derivation { name = \"" + name + "\"; system = builtins.currentSystem; builder = \"/bin/sh\"; "
                + extra + " args = [ \"-c\" \"" + script + "\" ]; }";
    }

    private Cli build(String... args) {
        List<String> all = new ArrayList<>(List.of("build", "--root", root.toString(), "--no-sandbox", "-q"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    @Test
    void buildsLinksAndPrintsTheOutputPath() throws IOException {
        file("data.txt", "from a source\n");
        String f = file("hello.nix", sh("hello", "read x < $src; echo $x > $out", "src = ./data.txt;"));
        Path link = dir.resolve("result");

        Cli r = build(f, "-o", link.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out().trim();
        assertThat(out).startsWith("/sysbuild/store/").endsWith("-hello");
        Path physical = root.resolve(out.substring(1));
        assertThat(Files.readSymbolicLink(link)).isEqualTo(physical);
        assertThat(link).hasContent("from a source");
        Path autoRoot = root.resolve("sysbuild/var/gcroots/auto").resolve(ResultLinks.autoRootName(link));
        assertThat(Files.readSymbolicLink(autoRoot)).isEqualTo(link);
        LocalStore store = LocalStore.open(root, StoreDir.DEFAULT);
        StorePath drv = store.queryPathInfo(StoreDir.DEFAULT.parse(out)).orElseThrow().deriver().orElseThrow();
        assertThat(store.isValid(drv)).isTrue();
        assertThat(store.queryPathInfo(drv).orElseThrow().references()).hasSize(1); // the source data.txt
    }

    @Test
    void aLargeSourceTreeIsOnDiskBeforeTheResultLinkIsMade() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/sys/kernel/random/boot_id")),
                "no /proc/sys/kernel/random/boot_id: adds sync before registering here, nothing is deferred");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        for (int i = 0; i < 70; i++) Files.writeString(tree.resolve("f" + i), "file " + i + "\n"); // more than 64: deferred
        String f = file("tree.nix", sh("count", "read x < $src/f69; echo $x > $out", "src = ./tree;"));

        Cli r = build(f, "-o", dir.resolve("result").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("result")).hasContent("file 69");
        // Evaluation registered the copied tree before forcing it to disk (a pending record); build
        // settled that before it made the result link, a GC root. (Opening the store would settle it
        // too, so this looks at the records before anything opens it.)
        try (var records = Files.list(root.resolve("sysbuild/var/db/pending-sync"))) {
            assertThat(records).isEmpty();
        }
    }

    @Test
    void theWritingStoreReachesThePathsEvalComputes() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("keep.txt"), "kept\n");
        Files.writeString(src.resolve("drop.txt"), "dropped\n");
        String f = file("paths.nix", "let"
                + " filtered = builtins.path { path = ./src; name = \"filtered\";"
                + "   filter = p: t: baseNameOf p != \"drop.txt\"; };"
                + " note = builtins.toFile \"note\" \"a note\";"
                + " flat = builtins.path { path = ./src/keep.txt; recursive = false; };"
                + " in " + sh("paths", "read x < $filtered/keep.txt; read y < $note; read z < $flat; echo $x $y $z > $out",
                        "inherit filtered note flat;"));

        Cli eval = Cli.run("eval", "--strict", "-E", "let d = import " + f + "; in [ d.drvPath d.outPath ]");
        Cli built = build(f, "--no-link");

        assertThat(built.exitCode()).as(built.err()).isZero();
        String out = built.out().trim();
        assertThat(Files.readString(root.resolve(out.substring(1)))).isEqualTo("kept a note kept\n");
        LocalStore store = LocalStore.open(root, StoreDir.DEFAULT);
        StorePath drv = store.queryPathInfo(StoreDir.DEFAULT.parse(out)).orElseThrow().deriver().orElseThrow();
        assertThat(eval.out()).isEqualTo("[ \"" + StoreDir.DEFAULT.print(drv) + "\" \"" + out + "\" ]\n");
    }

    @Test
    void aListGivesNumberedLinksAndAnotherOutputItsSuffix() throws IOException {
        String f = file("two.nix", "let multi = derivation { name = \"multi\"; system = builtins.currentSystem;"
                + " builder = \"/bin/sh\"; outputs = [ \"out\" \"dev\" ]; args = [ \"-c\" \"echo o > $out; echo d > $dev\" ]; };"
                + " in [ (" + sh("one", "echo 1 > $out", "") + ") multi.dev ]");
        Path link = dir.resolve("r");

        Cli r = build(f, "-o", link.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(link).hasContent("1");
        assertThat(dir.resolve("r-2-dev")).hasContent("d");
    }

    @Test
    void anAttributeIsSelectedWithA() throws IOException {
        String f = file("set.nix", "{ a = " + sh("a", "echo a > $out", "") + "; b = " + sh("b", "exit 1", "") + "; }");

        Cli r = build(f, "-A", "a", "--no-link");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("-a\n");
        assertThat(dir.resolve("result")).doesNotExist();
    }

    @Test
    void aFailedBuildIsReportedWithItsLogAndTheLogCanBeReadBack() throws IOException {
        String f = file("bad.nix", sh("bad", "echo something went wrong; exit 4", ""));

        Cli r = build(f, "--no-link");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: builder for '/sysbuild/store/").contains("-bad.drv' failed with exit code 4")
                .contains("> something went wrong");
        String drv = r.err().substring(r.err().indexOf("/sysbuild/store/"), r.err().indexOf(".drv'") + 4);
        Cli log = Cli.run("store", "log", drv, "--root", root.toString());
        assertThat(log.exitCode()).as(log.err()).isZero();
        assertThat(log.out()).isEqualTo("something went wrong\n");
    }

    @Test
    void theLogOfAnOutputIsTheLogOfItsDerivation() throws IOException {
        String f = file("loud.nix", sh("loud", "echo building loudly; echo x > $out", ""));
        Cli r = build(f, "--no-link");

        Cli log = Cli.run("store", "log", r.out().trim(), "--root", root.toString());

        assertThat(log.out()).isEqualTo("building loudly\n");
        assertThat(Cli.run("store", "log", "/sysbuild/store/00000000000000000000000000000000-x", "--root",
                root.toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void withoutAFileItBuildsTheSystemConfigurationAndSaysWhenThereIsNone() throws IOException {
        Cli none = build("-f", dir.resolve("missing.conf").toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no system configuration at").contains("sysbuild init");

        Path conf = Files.writeString(dir.resolve("system.conf"), "{ networking.hostName = \"built\"; }\n");
        Cli r = build("-f", conf.toString(), "-o", dir.resolve("result").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().trim()).startsWith("/sysbuild/store/").endsWith("-sysbuild-system-built");
        assertThat(dir.resolve("result/etc.json")).content().contains("\"hostname\"");
        assertThat(root.resolve("sysbuild/var/profiles/system-1-link")).doesNotExist();
    }

    @Test
    void aRootThatCannotHoldAStoreIsAnErrorNotACrash() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "");
        String f = file("x.nix", sh("x", "echo x > $out", ""));

        Cli r = Cli.run("build", f, "--root", notADirectory.toString(), "--no-sandbox", "-q", "--no-link");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: Not a directory: " + notADirectory).doesNotContain("internal error");
    }

    @Test
    void anExpressionThatIsNoDerivationIsAnError() throws IOException {
        Cli r = build(file("n.nix", "42"), "--no-link");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("does not evaluate to a derivation");
    }

    @Test
    void underARootTheSandboxGivesTheBuilderLogicalPathsAndTheLinkThePhysicalOne() throws IOException {
        assumeTrue(dev.sysbuild.store.build.BuildSettings.findBwrap(System.getenv("PATH")).isPresent(),
                "bubblewrap (bwrap) is not installed, so the sandbox cannot be tested");
        String f = file("boxed.nix", "let dep = " + sh("dep", "echo dep > $out", "") + "; in "
                + sh("boxed", "read x < $dep; echo $x $out > $out", "inherit dep;"));
        Path link = dir.resolve("result");

        Cli r = Cli.run("build", f, "--root", root.toString(), "-q", "--sandbox", "-o", link.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.out().trim();
        assertThat(link).hasContent("dep " + out);
        assertThat(Files.readSymbolicLink(link)).isEqualTo(root.resolve(out.substring(1)));
    }

    @Test
    void twoProcessesOnOverlappingGraphsBuildEachOutputOnce() throws Exception {
        Path count = dir.resolve("count");
        String common = "let leaf = i: " + sh("leaf-${toString i}", "/bin/sleep 0.1; echo ${toString i} >> " + count
                + "; echo ${toString i} > $out", "") + "; ";
        String a = file("a.nix", common + "in " + sh("top-a", "echo $leaves > $out", "leaves = builtins.genList leaf 6;"));
        String b = file("b.nix", common + "in " + sh("top-b", "echo $leaves > $out",
                "leaves = builtins.genList (i: leaf (i + 2)) 6;"));

        Process pa = start(a);
        Process pb = start(b);

        assertThat(pa.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(pb.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(pa.exitValue()).as(new String(pa.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(pb.exitValue()).as(new String(pb.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        // Leaves 0..7, each built once, however the two processes interleaved.
        assertThat(Files.readAllLines(count)).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7");
    }

    private Process start(String file) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "build", file, "--root", root.toString(),
                "--no-sandbox", "-q", "--no-link", "-j", "2"));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
