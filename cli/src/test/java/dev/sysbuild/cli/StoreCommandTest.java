package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.nar.NarWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandTest {
    @TempDir
    Path tmp;

    String root;
    Path tree;

    @BeforeEach
    void setUp() throws IOException {
        root = tmp.resolve("root").toString();
        tree = Files.createDirectories(tmp.resolve("src/pkg/bin"));
        Files.writeString(tree.resolve("tool"), "#!/bin/sh\necho tool\n");
        tree.resolve("tool").toFile().setExecutable(true);
        Files.createSymbolicLink(tree.getParent().resolve("link"), Path.of("bin/tool"));
        tree = tree.getParent();
    }

    private String add(Path p) {
        Cli r = Cli.run("store", "add", "--root", root, p.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().strip();
    }

    private Path physical(String logical) {
        return Path.of(root + logical);
    }

    @Test
    void commandsThatOnlyLookOrRemoveRefuseARootWithoutAStoreAndCreateNothingThere() throws IOException {
        Path typo = Files.createDirectories(tmp.resolve("mnt-typo"));
        String p = "/sysbuild/store/sbzw2fjidwrcay3z5vdiqpa3jylnyk5v-tree";
        List<List<String>> commands = List.of(
                List.of("store", "path-info", p), List.of("store", "verify"), List.of("store", "export", p),
                List.of("store", "optimise"), List.of("store", "log", p), List.of("gc", "--dry-run"), List.of("gc"));
        for (List<String> command : commands) {
            List<String> args = new java.util.ArrayList<>(command);
            args.addAll(List.of("--root", typo.toString()));
            Cli r = Cli.run(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(String.join(" ", command)).isEqualTo(1);
            assertThat(r.err()).as(String.join(" ", command))
                    .contains("there is no store under " + typo).contains("check --root");
            try (var entries = Files.list(typo)) {
                assertThat(entries).as(String.join(" ", command) + " created nothing").isEmpty();
            }
        }
        // Adding makes the store; then the same commands work there.
        add(tree);
        assertThat(Cli.run("gc", "--dry-run", "--root", root).exitCode()).isZero();
        assertThat(Cli.run("store", "verify", "--root", root).exitCode()).isZero();
    }

    @Test
    void addRegistersBeforeSyncingAndTheNextCommandOnTheStoreSyncs() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/sys/kernel/random/boot_id")),
                "no /proc/sys/kernel/random/boot_id: adds sync before registering here, nothing is deferred");
        Path pending = Path.of(root, "sysbuild/var/db/pending-sync");
        Path big = Files.createDirectories(tmp.resolve("src/big"));
        for (int i = 0; i < 70; i++) Files.writeString(big.resolve("f" + i), "file " + i + "\n"); // more than 64: deferred

        String pkg = add(big);

        try (var records = Files.list(pending)) {
            assertThat(records.map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).singleElement().asString().endsWith(pkg.substring("/sysbuild/store/".length()) + "\n");
        }
        assertThat(Cli.run("store", "path-info", "--root", root, pkg).exitCode()).isZero();
        try (var records = Files.list(pending)) {
            assertThat(records).isEmpty();
        }
    }

    @Test
    void addPrintsTheSourcePathAndPathInfoPrintsItLikeNix() throws IOException {
        Path small = Files.writeString(tmp.resolve("small.txt"), "x");
        String pkg = add(tree);
        String txt = add(small);

        assertThat(pkg).matches("/sysbuild/store/[0-9a-z]{32}-pkg");
        assertThat(physical(pkg).resolve("bin/tool")).isExecutable();
        Cli plain = Cli.run("store", "path-info", "--root", root, txt, pkg);
        assertThat(plain.out()).isEqualTo(sorted(txt, pkg));

        Cli sized = Cli.run("store", "path-info", "--root", root, "-s", pkg);
        long narSize = narOf(physical(pkg)).length;
        assertThat(sized.out()).isEqualTo(pkg + String.format("\t%11d%n", narSize));

        // a result-style link outside the root leads to the path too
        Path result = Files.createSymbolicLink(tmp.resolve("result"), physical(pkg));
        assertThat(Cli.run("store", "path-info", "--root", root, result.toString()).out()).isEqualTo(pkg + "\n");
    }

    @Test
    void pathInfoJsonHasNixsFieldsAndClosureSizes() throws IOException {
        String pkg = add(tree);
        Path user = Files.createDirectories(tmp.resolve("user"));
        Files.writeString(user.resolve("f"), "no references from a plain add");
        String u = add(user);

        Cli r = Cli.run("store", "path-info", "--root", root, "--json", "-S", pkg, u);

        assertThat(r.exitCode()).isZero();
        List<?> array = (List<?>) Json.parse(r.out());
        assertThat(array).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) array.stream().filter(o -> ((Map<?, ?>) o).get("path").equals(pkg)).findFirst().orElseThrow();
        assertThat(new java.util.ArrayList<Object>(first.keySet())).containsExactly("path", "narHash", "narSize", "references", "closureSize",
                "registrationTime");
        assertThat((String) first.get("narHash")).matches("sha256:[0-9a-z]{52}");
        assertThat(first.get("narSize")).isEqualTo((long) narOf(physical(pkg)).length);
        assertThat(first.get("closureSize")).isEqualTo(first.get("narSize"));
        assertThat(first.get("references")).isEqualTo(List.of());
    }

    @Test
    void dumpIsTheNarWritersOutput() throws IOException {
        String pkg = add(tree);
        for (String arg : List.of(pkg, tree.toString(), tree.resolve("link").toString())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(err),
                    "store", "dump", "--root", root, arg);
            assertThat(code).as(err.toString()).isZero();
            Path source = arg.startsWith("/sysbuild/") ? physical(arg) : Path.of(arg);
            assertThat(out.toByteArray()).as(arg).isEqualTo(narOf(source));
        }
        assertThat(narOf(tree)).isEqualTo(narOf(physical(pkg)));
    }

    @Test
    void exportThenImportIntoAFreshRootByFileAndByStandardInput() throws IOException {
        String pkg = add(tree);
        Path archive = tmp.resolve("closure.tar.zst");
        Cli exp = Cli.run("store", "export", "--root", root, "-o", archive.toString(), pkg);
        assertThat(exp.exitCode()).as(exp.err()).isZero();
        String fresh = tmp.resolve("fresh").toString();

        Cli imp = Cli.run("store", "import", "--root", fresh, "--input", archive.toString());

        assertThat(imp.exitCode()).as(imp.err()).isZero();
        assertThat(imp.out()).isEqualTo(pkg + "\n");
        String infoHere = Cli.run("store", "path-info", "--root", root, "--json", pkg).out();
        String infoThere = Cli.run("store", "path-info", "--root", fresh, "--json", pkg).out();
        assertThat(narHash(infoThere)).isEqualTo(narHash(infoHere));

        String third = tmp.resolve("third").toString();
        Cli piped = Cli.runWithInput(new ByteArrayInputStream(Files.readAllBytes(archive)), "store", "import",
                "--root", third);
        assertThat(piped.out()).isEqualTo(pkg + "\n");

        byte[] cut = java.util.Arrays.copyOf(Files.readAllBytes(archive), 100);
        Cli bad = Cli.runWithInput(new ByteArrayInputStream(cut), "store", "import", "--root", tmp.resolve("4").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).startsWith("error: cannot import: ").contains("nothing was imported").doesNotContain("Exception");
    }

    @Test
    void verifyFindsACorruptedFileAndExitsOne() throws IOException {
        String pkg = add(tree);
        assertThat(Cli.run("store", "verify", "--root", root, "--check-contents").exitCode()).isZero();
        Path tool = physical(pkg).resolve("bin/tool");
        physical(pkg).resolve("bin").toFile().setWritable(true);
        tool.toFile().setWritable(true);
        Files.writeString(tool, "#!/bin/sh\necho evil\n");

        Cli quick = Cli.run("store", "verify", "--root", root);
        Cli full = Cli.run("store", "verify", "--root", root, "--check-contents", "--repair");

        assertThat(quick.exitCode()).isZero();
        assertThat(full.exitCode()).isEqualTo(1);
        // An added path has no derivation to rebuild it from: said, and left as it is.
        assertThat(full.err()).contains("error: path '" + pkg + "' was modified! expected hash 'sha256:")
                .contains("1 problem found").contains("cannot repair '" + pkg + "': the store does not record the derivation");
        assertThat(Files.readString(tool)).isEqualTo("#!/bin/sh\necho evil\n");
    }

    @Test
    void verifyRepairRebuildsADamagedOutputAndRefusesAnUnreproducibleOne() throws IOException {
        Path expr = Files.writeString(tmp.resolve("pkgs.nix"), """
                let mk = name: script: derivation { inherit name; system = builtins.currentSystem; builder = "/bin/sh";
                      args = [ "-c" script ]; };
                in {
                  steady = mk "steady" "echo same > $out";
                  dep = mk "dep" "echo dep > $out";
                  user = mk "user" "echo uses ${mk "dep" "echo dep > $out"} > $out";
                  moody = mk "moody" "echo $$ $RANDOM > $out";
                }
                """);
        Cli built = Cli.run("build", "--root", root, "--no-sandbox", "--no-link", expr.toString());
        assertThat(built.exitCode()).as(built.err()).isZero();
        List<String> outs = built.out().lines().toList(); // dep, moody, steady, user: attribute order
        String dep = outs.get(0);
        String moody = outs.get(1);
        String steady = outs.get(2);
        String user = outs.get(3);
        for (String p : List.of(steady, moody, dep)) {
            physical(p).toFile().setWritable(true);
            Files.writeString(physical(p), "damaged\n");
        }

        Cli r = Cli.run("store", "verify", "--root", root, "--repair");

        assertThat(r.out()).contains("repaired " + steady + " (rebuilt)", "repaired " + dep + " (rebuilt)");
        assertThat(Files.readString(physical(steady))).isEqualTo("same\n");
        assertThat(Files.readString(physical(dep))).isEqualTo("dep\n");
        assertThat(Files.getPosixFilePermissions(physical(steady))).doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        // Not reproducible: refused, and the path is left exactly as it was.
        assertThat(r.err()).contains("rebuilding '" + moody + "' gave NAR hash", "not reproducible", "1 problem found");
        assertThat(Files.readString(physical(moody))).isEqualTo("damaged\n");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(Files.readString(physical(user))).startsWith("uses ");
    }

    @Test
    void verifyRepairsFromAnExportArchive() throws IOException {
        String pkg = add(tree);
        Path archive = tmp.resolve("good.tar.zst");
        assertThat(Cli.run("store", "export", "--root", root, "-o", archive.toString(), pkg).exitCode()).isZero();
        Path tool = physical(pkg).resolve("bin/tool");
        physical(pkg).resolve("bin").toFile().setWritable(true);
        tool.toFile().setWritable(true);
        Files.writeString(tool, "#!/bin/sh\necho evil\n");

        Cli r = Cli.run("store", "verify", "--root", root, "--repair-from", archive.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("repaired " + pkg + "\nno problems found (contents checked)\n");
        assertThat(Files.readString(tool)).isEqualTo("#!/bin/sh\necho tool\n");
    }

    @Test
    void optimiseReportsTheBytesItSaved() throws IOException {
        add(tree);
        Path copy = Files.createDirectories(tmp.resolve("copy/bin"));
        Files.copy(tree.resolve("bin/tool"), copy.resolve("tool"));
        add(copy.getParent());

        Cli r = Cli.run("store", "optimise", "--root", root);

        assertThat(r.out()).isEqualTo(String.format("0.00 MiB freed by hard-linking 1 file%n"));
        assertThat(Cli.run("store", "verify", "--root", root, "--check-contents").exitCode()).isZero();
    }

    @Test
    void aPathOutsideTheStoreIsAClearError() throws IOException {
        add(tree); // a root with a store (one without is an error of its own, above)
        Path plain = Files.writeString(tmp.resolve("plain"), "x");
        Cli r = Cli.run("store", "path-info", "--root", root, plain.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: '" + plain + "' is not a store path and does not lead into the store "
                + Path.of(root, "sysbuild/store") + "\n");
        Cli invalid = Cli.run("store", "path-info", "--root", root, "/sysbuild/store/00000000000000000000000000000000-x");
        assertThat(invalid.err()).isEqualTo("error: path '/sysbuild/store/00000000000000000000000000000000-x' is not valid\n");
    }

    private static String sorted(String... paths) {
        return String.join("\n", new java.util.TreeSet<>(List.of(paths))) + "\n";
    }

    private static String narHash(String json) {
        return (String) ((Map<?, ?>) ((List<?>) Json.parse(json)).get(0)).get("narHash");
    }

    private static byte[] narOf(Path p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NarWriter.dump(p, out);
        return out.toByteArray();
    }
}
