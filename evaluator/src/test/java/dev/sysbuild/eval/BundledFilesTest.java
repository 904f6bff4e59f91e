package dev.sysbuild.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.eval.print.ValuePrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files shipped in the jar, as {@code <sysbuild/...>} finds them. */
class BundledFilesTest {
    @TempDir
    Path tmp;

    @Test
    void unpacksOnceIntoADirectoryNamedByTheContent() throws Exception {
        Path dir = BundledFiles.directory(tmp);
        assertThat(dir.getParent()).isEqualTo(tmp);
        assertThat(dir.getFileName().toString()).isEqualTo("bundled-" + BundledFiles.listingHash(BundledFiles.listing()));
        assertThat(dir.resolve("lib/default.nix")).isRegularFile();
        assertThat(dir.resolve("lib/modules.nix")).isRegularFile();
        // No temporary directory is left behind, and asking again gives the same directory.
        try (var entries = Files.list(tmp)) {
            assertThat(entries.toList()).containsExactly(dir);
        }
        assertThat(BundledFiles.directory(tmp)).isEqualTo(dir);
    }

    @Test
    void anotherProcessesFinishedCopyIsUsedAsItIs() throws Exception {
        // As if another process had won the rename: the directory exists, complete.
        String name = "bundled-" + BundledFiles.listingHash(BundledFiles.listing());
        Path theirs = Files.createDirectories(tmp.resolve("other").resolve(name));
        Files.writeString(theirs.resolve("marker"), "theirs");
        Path dir = BundledFiles.directory(tmp.resolve("other"));
        assertThat(dir).isEqualTo(theirs);
        assertThat(dir.resolve("marker")).hasContent("theirs");
    }

    @Test
    void concurrentUnpacksAgreeOnOneCompleteDirectory() throws Exception {
        // Separate cache roots per thread would not race; several roots pointing at the same
        // folder through different spellings do, since the in-process memo is per spelling.
        Path root = tmp.resolve("shared");
        List<Callable<Path>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path spelling = Files.createDirectories(tmp.resolve("x" + i)).resolve("..").resolve("shared");
            tasks.add(() -> BundledFiles.directory(spelling).normalize());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<Path> dirs = new HashSet<>();
        try {
            for (Future<Path> f : pool.invokeAll(tasks)) dirs.add(f.get());
        } finally {
            pool.shutdown();
        }
        assertThat(dirs).hasSize(1);
        assertThat(dirs.iterator().next().resolve("lib/default.nix")).isRegularFile();
        try (var entries = Files.list(root)) {
            assertThat(entries.toList()).hasSize(1);
        }
    }

    @Test
    void inAJarTheNameComesFromTheCentralDirectoryAndFollowsTheContent() throws Exception {
        Path one = jar("one.jar", Map.of("sysbuild/lib/default.nix", "{ }", "sysbuild/os/a.nix", "1", "other/x", "y"));
        Path same = jar("same.jar", Map.of("sysbuild/lib/default.nix", "{ }", "sysbuild/os/a.nix", "1"));
        Path changed = jar("changed.jar", Map.of("sysbuild/lib/default.nix", "{ }", "sysbuild/os/a.nix", "2"));
        var listing = BundledFiles.listingOfJar(one);
        // Only the files under sysbuild/, with the size and CRC-32 of their content.
        assertThat(listing).containsOnlyKeys("lib/default.nix", "os/a.nix");
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("1".getBytes());
        assertThat(listing.get("os/a.nix")).isEqualTo(new BundledFiles.Entry(1, crc.getValue()));
        assertThat(new String(BundledFiles.contentsOfJar(one).get("os/a.nix"))).isEqualTo("1");
        // The same files give the same name; one changed file gives another.
        assertThat(BundledFiles.listingHash(BundledFiles.listingOfJar(same))).isEqualTo(BundledFiles.listingHash(listing));
        assertThat(BundledFiles.listingHash(BundledFiles.listingOfJar(changed))).isNotEqualTo(BundledFiles.listingHash(listing));
    }

    private Path jar(String name, Map<String, String> files) throws java.io.IOException {
        Path jar = tmp.resolve(name);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (var e : new java.util.TreeMap<>(files).entrySet()) {
                out.putNextEntry(new java.util.jar.JarEntry(e.getKey()));
                out.write(e.getValue().getBytes());
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void theCacheFollowsXdgCacheHomeThenHome() {
        assertThat(BundledFiles.cacheRoot(new LocalIO(Map.of("XDG_CACHE_HOME", "/c", "HOME", "/h")))).isEqualTo(Path.of("/c/sysbuild"));
        assertThat(BundledFiles.cacheRoot(new LocalIO(Map.of("HOME", "/h")))).isEqualTo(Path.of("/h/.cache/sysbuild"));
        assertThat(BundledFiles.cacheRoot(new LocalIO(Map.of())).toString()).startsWith(System.getProperty("java.io.tmpdir"));
    }

    @Test
    void aUserSearchPathEntryOverridesTheBundledFiles() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("mine/lib"));
        Files.writeString(mine.resolve("default.nix"), "{ mine = true; }");
        EvalIO io = new LocalIO(Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()));
        Evaluator overridden = new Evaluator(io, List.of(new Evaluator.SearchPathEntry("sysbuild", tmp.resolve("mine").toString())));
        assertThat(eval(overridden, "(import <sysbuild/lib>) ? mine")).isEqualTo("true");
        Evaluator plain = new Evaluator(io, List.of());
        assertThat(eval(plain, "(import <sysbuild/lib>) ? evalModules")).isEqualTo("true");
        assertThat(eval(plain, "(builtins.elemAt builtins.nixPath 0).prefix")).isEqualTo("\"sysbuild\"");
    }

    @Test
    void lookingUpOtherNamesDoesNotUnpack() throws Exception {
        Path cache = tmp.resolve("untouched");
        Evaluator ev = new Evaluator(new LocalIO(Map.of("XDG_CACHE_HOME", cache.toString())), List.of());
        assertThat(eval(ev, "builtins.tryEval <nixpkgs>")).isEqualTo("{ success = false; value = false; }");
        assertThat(cache).doesNotExist();
    }

    private static String eval(Evaluator ev, String expr) throws Exception {
        return DeepStack.run(() -> ValuePrinter.print(ev.evalString("«test»", expr, "/"), true));
    }
}
