package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashSink;
import dev.sysbuild.store.nar.Nar;
import dev.sysbuild.store.nar.NarWriter;
import dev.sysbuild.store.path.PathImport;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path tmp;

    Path root;
    Path src;
    LocalStore store;

    @BeforeEach
    void open() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        src = Files.createDirectory(tmp.resolve("src"));
        store = LocalStore.open(root, StoreDir.DEFAULT, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(30));
    }

    @Test
    void layoutPutsTheStoreAndDatabaseUnderTheRoot() {
        assertThat(store.layout().physicalStoreDir()).isEqualTo(root.resolve("sysbuild/store"));
        assertThat(store.layout().dbDir()).isEqualTo(root.resolve("sysbuild/var/db"));
        assertThat(root.resolve("sysbuild/store")).isDirectory();
    }

    @Test
    void addedFileIsCanonicalAndRegisteredWithTheSourcesNarHash() throws IOException {
        Path file = write(src.resolve("hello.txt"), "hello\n", "rw-rw-rw-");

        StorePath p = store.addToStore(file, "hello.txt");

        assertThat(p).isEqualTo(PathImport.recursive(StoreDir.DEFAULT, file, "hello.txt"));
        Path physical = root.resolve("sysbuild/store/" + p.baseName());
        assertThat(Files.readString(physical)).isEqualTo("hello\n");
        assertThat(mode(physical)).isEqualTo("r--r--r--");
        assertThat(mtimeMillis(physical)).isEqualTo(1000);
        PathInfo info = store.queryPathInfo(p).orElseThrow();
        assertThat(info.narHash()).isEqualTo(Nar.hash(file, HashAlgo.SHA256));
        assertThat(info.narSize()).isEqualTo(narSize(file));
        assertThat(info.references()).isEmpty();
        assertThat(info.deriver()).isEmpty();
        assertThat(info.registrationTime()).isEqualTo(T0);
        assertThat(store.isValid(p)).isTrue();
    }

    @Test
    void addedDirectoryLosesWriteBitsKeepsExecutableAndSymlink() throws IOException {
        Path tree = Files.createDirectory(src.resolve("tree"));
        Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString("rwxrwxrwx"));
        write(tree.resolve("data"), "x", "rw-rw-rw-");
        write(tree.resolve("run"), "#!/bin/sh\n", "rwxrwxr-x");
        Files.createSymbolicLink(tree.resolve("link"), Path.of("run"));
        Path sub = Files.createDirectory(tree.resolve("sub"));
        write(sub.resolve("deep"), "y", "rw-------");

        StorePath p = store.addToStore(tree, "tree");

        Path out = store.layout().physical(p);
        assertThat(mode(out)).isEqualTo("r-xr-xr-x");
        assertThat(mode(out.resolve("sub"))).isEqualTo("r-xr-xr-x");
        assertThat(mode(out.resolve("data"))).isEqualTo("r--r--r--");
        assertThat(mode(out.resolve("sub/deep"))).isEqualTo("r--r--r--");
        assertThat(mode(out.resolve("run"))).isEqualTo("r-xr-xr-x");
        assertThat(Files.readSymbolicLink(out.resolve("link"))).isEqualTo(Path.of("run"));
        for (String rel : List.of("", "sub", "data", "sub/deep", "run", "link")) {
            assertThat(mtimeMillis(out.resolve(rel))).as(rel).isEqualTo(1000);
        }
        assertThat(store.queryPathInfo(p).orElseThrow().narHash()).isEqualTo(Nar.hash(tree, HashAlgo.SHA256));
        assertThat(p).isEqualTo(PathImport.recursive(StoreDir.DEFAULT, tree, "tree"));
        assertThat(store.validPaths()).containsExactly(p);
        assertNoTemporaryEntries();
    }

    @Test
    void setuidSetgidAndStickyBitsAreDropped() throws Exception {
        Path tree = Files.createDirectory(src.resolve("suid"));
        Path tool = write(tree.resolve("tool"), "#!/bin/sh\n", "rwxrwxr-x");
        Files.setAttribute(tool, "unix:mode", 06775);
        Files.setAttribute(tree, "unix:mode", 01777);
        assertThat(modeBits(tool)).isEqualTo(06775);
        assertThat(modeBits(tree)).isEqualTo(01777);

        StorePath p = store.addToStore(tree, "suid");

        Path out = store.layout().physical(p);
        assertThat(modeBits(out)).isEqualTo(0555);
        assertThat(modeBits(out.resolve("tool"))).isEqualTo(0555);
    }

    @Test
    void aSymlinkIsAddedAsASymlink() throws IOException {
        Path link = Files.createSymbolicLink(src.resolve("link"), Path.of("/nowhere/at/all"));

        StorePath p = store.addToStore(link, "link");

        Path out = store.layout().physical(p);
        assertThat(Files.isSymbolicLink(out)).isTrue();
        assertThat(Files.readSymbolicLink(out)).isEqualTo(Path.of("/nowhere/at/all"));
        assertThat(mtimeMillis(out)).isEqualTo(1000);
        assertThat(p).isEqualTo(PathImport.recursive(StoreDir.DEFAULT, link, "link"));
    }

    @Test
    void aFlatFileIsAFixedOutputPathWithoutItsExecutableBit() throws IOException {
        Path tool = write(src.resolve("tool.sh"), "echo hi\n", "rwxr-xr-x");

        StorePath p = store.addFlatFileToStore(tool, "tool.sh");

        assertThat(p).isEqualTo(PathImport.flat(StoreDir.DEFAULT, tool, "tool.sh"));
        Path out = store.layout().physical(p);
        assertThat(mode(out)).isEqualTo("r--r--r--");
        assertThat(Files.readString(out)).isEqualTo("echo hi\n");
        assertThat(store.queryPathInfo(p).orElseThrow().narHash()).isEqualTo(Nar.hash(out, HashAlgo.SHA256));
        assertThat(store.addFlatFileToStore(tool, "tool.sh")).isEqualTo(p);
    }

    @Test
    void addingTheSameContentAgainIsANoOp() throws IOException {
        Path file = write(src.resolve("f"), "same", "rw-r--r--");
        StorePath first = store.addToStore(file, "f");
        String infoBefore = Files.readString(store.layout().infoFile(first));

        LocalStore later = LocalStore.open(root, StoreDir.DEFAULT,
                Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC), Duration.ofSeconds(30));
        StorePath second = later.addToStore(file, "f");

        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(store.layout().infoFile(first))).isEqualTo(infoBefore);
        assertThat(later.queryPathInfo(first).orElseThrow().registrationTime()).isEqualTo(T0);
    }

    @Test
    void twoThreadsAddingTheSamePathProduceOneValidPath() throws Exception {
        Path tree = Files.createDirectory(src.resolve("big"));
        for (int i = 0; i < 200; i++) write(tree.resolve("f" + i), "content " + i, "rw-r--r--");
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<StorePath>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                LocalStore own = LocalStore.open(root, StoreDir.DEFAULT);
                Callable<StorePath> add = () -> {
                    start.await();
                    return own.addToStore(tree, "big");
                };
                results.add(pool.submit(add));
            }
            start.countDown();
            StorePath p = results.get(0).get();
            for (Future<StorePath> r : results) assertThat(r.get()).isEqualTo(p);
            assertThat(store.validPaths()).containsExactly(p);
            assertThat(Nar.hash(store.layout().physical(p), HashAlgo.SHA256))
                    .isEqualTo(store.queryPathInfo(p).orElseThrow().narHash());
            assertNoTemporaryEntries();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoProcessesAddingTheSamePathProduceOneValidPath() throws Exception {
        Path tree = Files.createDirectory(src.resolve("shared"));
        for (int i = 0; i < 500; i++) write(tree.resolve("f" + i), "shared " + i, "rw-r--r--");
        Process a = StoreProcess.start("add", root.toString(), tree.toString(), "shared");
        Process b = StoreProcess.start("add", root.toString(), tree.toString(), "shared");
        StorePath mine = store.addToStore(tree, "shared");

        assertThat(StoreProcess.firstLine(a)).isEqualTo(mine.baseName());
        assertThat(StoreProcess.firstLine(b)).isEqualTo(mine.baseName());
        assertThat(a.waitFor()).isZero();
        assertThat(b.waitFor()).isZero();
        assertThat(store.validPaths()).containsExactly(mine);
        assertThat(Nar.hash(store.layout().physical(mine), HashAlgo.SHA256)).isEqualTo(Nar.hash(tree, HashAlgo.SHA256));
        assertNoTemporaryEntries();
    }

    @Test
    void referencesAreScannedAmongCandidatesAndReferrersFound() throws IOException {
        StorePath lib = store.addToStore(write(src.resolve("lib"), "libc", "rw-r--r--"), "lib");
        StorePath unused = store.addToStore(write(src.resolve("other"), "other", "rw-r--r--"), "other");
        Path app = write(src.resolve("app"), "#!" + StoreDir.DEFAULT.print(lib) + "/bin/sh\n", "rwxr-xr-x");

        StorePath p = store.addToStore(app, "app", List.of(lib, unused));

        assertThat(store.queryPathInfo(p).orElseThrow().references()).containsExactly(lib);
        assertThat(p).isEqualTo(StoreDir.DEFAULT.sourcePath("app", Nar.hash(app, HashAlgo.SHA256), List.of(lib), false));
        assertThat(store.queryReferrers(lib)).containsExactly(p);
        assertThat(store.queryReferrers(unused)).isEmpty();
    }

    @Test
    void aReferenceThatIsNotValidIsRefused() throws IOException {
        StorePath ghost = StoreDir.DEFAULT.textPath("ghost", "boo".getBytes(StandardCharsets.UTF_8), List.of());
        Path app = write(src.resolve("app"), StoreDir.DEFAULT.print(ghost), "rw-r--r--");

        assertThatThrownBy(() -> store.addToStore(app, "app", List.of(ghost)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("its reference '" + StoreDir.DEFAULT.print(ghost) + "' is not valid");
        assertThat(store.validPaths()).isEmpty();
        assertThat(store.deleteInvalidPaths()).isEqualTo(new SweepResult(new TreeSet<>(), 0));
    }

    @Test
    void textPathsHaveTheirDeclaredReferences() throws IOException {
        StorePath dep = store.addTextToStore("dep", "d".getBytes(StandardCharsets.UTF_8), List.of());
        byte[] contents = "uses nothing visibly".getBytes(StandardCharsets.UTF_8);

        StorePath p = store.addTextToStore("x.drv", contents, List.of(dep));

        assertThat(p).isEqualTo(StoreDir.DEFAULT.textPath("x.drv", contents, List.of(dep)));
        Path physical = store.layout().physical(p);
        assertThat(Files.readAllBytes(physical)).isEqualTo(contents);
        assertThat(mode(physical)).isEqualTo("r--r--r--");
        PathInfo info = store.queryPathInfo(p).orElseThrow();
        assertThat(info.references()).containsExactly(dep);
        assertThat(info.narHash()).isEqualTo(Nar.hash(physical, HashAlgo.SHA256));
        assertThat(store.addTextToStore("x.drv", contents, List.of(dep))).isEqualTo(p);
    }

    @Test
    void crashBetweenMoveAndRegistrationLeavesAnInvalidPathTheSweepDeletes() throws IOException {
        Path file = write(src.resolve("f"), "crash me", "rw-r--r--");
        StorePath expected = PathImport.recursive(StoreDir.DEFAULT, file, "f");
        store.beforeRegister = () -> {
            throw new IllegalStateException("simulated crash");
        };

        assertThatThrownBy(() -> store.addToStore(file, "f")).hasMessage("simulated crash");

        Path physical = store.layout().physical(expected);
        assertThat(physical).exists();
        assertThat(store.isValid(expected)).isFalse();
        assertThat(store.validPaths()).isEmpty();

        SweepResult sweep = store.deleteInvalidPaths();

        assertThat(sweep.invalidPaths()).containsExactly(expected);
        assertThat(physical).doesNotExist();
    }

    @Test
    void aProcessKilledBeforeRegistrationLeavesOnlyGarbage() throws Exception {
        Path tree = Files.createDirectory(src.resolve("doomed"));
        write(tree.resolve("a"), "a", "rw-r--r--");
        StorePath expected = PathImport.recursive(StoreDir.DEFAULT, tree, "doomed");

        Process dying = StoreProcess.start("add-then-die", root.toString(), tree.toString(), "doomed");

        assertThat(dying.waitFor()).isEqualTo(3);
        assertThat(store.layout().physical(expected)).exists();
        assertThat(store.isValid(expected)).isFalse();
        SweepResult sweep = store.deleteInvalidPaths();
        assertThat(sweep.invalidPaths()).containsExactly(expected);
        assertThat(sweep.temporaryEntries()).isEqualTo(1); // the staging directory the halt left
        assertNoTemporaryEntries();
        // the dead process's lock went with it
        assertThat(store.addToStore(tree, "doomed")).isEqualTo(expected);
    }

    @Test
    void theSweepWaitsForAnAdderInAnotherProcess() throws Exception {
        Process adder = StoreProcess.start("hold-gc-shared", store.layout().gcLockFile().toString());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertThat(StoreProcess.firstLine(adder)).isEqualTo("holding");
            Future<SweepResult> sweep = pool.submit(() -> store.deleteInvalidPaths());
            Thread.sleep(300);
            assertThat(sweep).isNotDone();

            adder.getOutputStream().close();

            assertThat(sweep.get().invalidPaths()).isEmpty();
        } finally {
            adder.getOutputStream().close();
            adder.waitFor();
            pool.shutdownNow();
        }
    }

    @Test
    void aRetryAfterACrashReplacesTheGarbage() throws IOException {
        Path tree = Files.createDirectory(src.resolve("t"));
        write(tree.resolve("a"), "a", "rw-r--r--");
        store.beforeRegister = () -> {
            throw new IllegalStateException("simulated crash");
        };
        assertThatThrownBy(() -> store.addToStore(tree, "t"));
        store.beforeRegister = () -> {};

        StorePath p = store.addToStore(tree, "t");

        assertThat(store.isValid(p)).isTrue();
        assertThat(Files.readString(store.layout().physical(p).resolve("a"))).isEqualTo("a");
    }

    @Test
    void aHalfWrittenInfoFileIsIgnoredAndSwept() throws IOException {
        Path file = write(src.resolve("f"), "half", "rw-r--r--");
        StorePath p = PathImport.recursive(StoreDir.DEFAULT, file, "f");
        Path leftover = store.layout().infoDir().resolve(p.hashPart() + AtomicFile.TEMP_INFIX + "0123456789abcdef");
        Files.writeString(leftover, "path " + StoreDir.DEFAULT.print(p) + "\nnarHash sha256:");
        Files.writeString(store.layout().physicalStoreDir().resolve(".tmp-deadbeef"), "staging");

        assertThat(store.isValid(p)).isFalse();
        assertThat(store.validPaths()).isEmpty();

        SweepResult sweep = store.deleteInvalidPaths();

        assertThat(sweep.temporaryEntries()).isEqualTo(2);
        assertThat(leftover).doesNotExist();
        assertThat(store.addToStore(file, "f")).isEqualTo(p);
        assertThat(store.isValid(p)).isTrue();
    }

    @Test
    void theSweepKeepsValidPathsAndPathsBeingBuilt() throws IOException {
        StorePath valid = store.addToStore(write(src.resolve("v"), "v", "rw-r--r--"), "v");
        StorePath building = StoreDir.DEFAULT.textPath("out", "o".getBytes(StandardCharsets.UTF_8), List.of());
        Path notOurs = Files.writeString(store.layout().physicalStoreDir().resolve("README"), "hands off");

        try (PathLock lock = store.lockPath(building)) {
            Path out = Files.createDirectory(store.layout().physical(building));
            write(out.resolve("half"), "in progress", "rw-r--r--");

            assertThat(store.deleteInvalidPaths().invalidPaths()).isEmpty();
            assertThat(out).exists();
        }
        assertThat(store.layout().physical(valid)).exists();
        assertThat(notOurs).exists();
        assertThat(store.deleteInvalidPaths().invalidPaths()).containsExactly(building);
    }

    @Test
    void theSweepWaitsForAddsInProgress() throws Exception {
        Path file = write(src.resolve("slow"), "slow", "rw-r--r--");
        CountDownLatch moved = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        store.beforeRegister = () -> {
            moved.countDown();
            try {
                proceed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<StorePath> add = pool.submit(() -> store.addToStore(file, "slow"));
            moved.await();
            Future<SweepResult> sweep = pool.submit(() -> store.deleteInvalidPaths());
            Thread.sleep(300);
            assertThat(sweep).isNotDone();

            proceed.countDown();

            StorePath p = add.get();
            assertThat(sweep.get().invalidPaths()).isEmpty();
            assertThat(store.isValid(p)).isTrue();
            assertThat(store.layout().physical(p)).exists();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBuilderCanRegisterWhileAnAdderWaitsForItAndASweepWaitsForTheAdder() throws Exception {
        byte[] contents = "built or added".getBytes(StandardCharsets.UTF_8);
        StorePath p = StoreDir.DEFAULT.textPath("both", contents, List.of());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (PathLock building = store.lockPath(p)) {
            Files.write(store.layout().physical(p), contents);
            Future<StorePath> adder = pool.submit(() -> store.addTextToStore("both", contents, List.of()));
            Thread.sleep(200); // the adder holds the global lock shared and waits for the path lock
            Future<SweepResult> sweep = pool.submit(() -> store.deleteInvalidPaths());
            Thread.sleep(200); // the sweep waits for the adder

            Future<PathInfo> registered = pool.submit(() -> store.registerValidPath(p, List.of(), Optional.empty()));

            assertThat(registered.get(10, TimeUnit.SECONDS).path()).isEqualTo(p);
            building.close();
            assertThat(adder.get(10, TimeUnit.SECONDS)).isEqualTo(p);
            assertThat(sweep.get(10, TimeUnit.SECONDS).invalidPaths()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.isValid(p)).isTrue();
    }

    @Test
    void registerValidPathCanonicalisesABuildOutputInPlace() throws IOException {
        StorePath dep = store.addToStore(write(src.resolve("dep"), "dep", "rw-r--r--"), "dep");
        StorePath drv = StoreDir.DEFAULT.textPath("hello.drv", "drv".getBytes(StandardCharsets.UTF_8), List.of());
        StorePath out = StoreDir.DEFAULT.textPath("hello", "pretend output path".getBytes(StandardCharsets.UTF_8),
                List.of());

        PathInfo info;
        try (PathLock lock = store.lockPath(out)) {
            Path dir = Files.createDirectory(store.layout().physical(out));
            write(dir.resolve("self"), StoreDir.DEFAULT.print(out) + " " + StoreDir.DEFAULT.print(dep), "rwxrwxrwx");
            info = store.registerValidPath(out, List.of(dep), Optional.of(drv));
        }

        assertThat(info.references()).containsExactly(dep, out);
        assertThat(info.deriver()).contains(drv);
        assertThat(store.queryPathInfo(out)).contains(info);
        Path physical = store.layout().physical(out);
        assertThat(mode(physical.resolve("self"))).isEqualTo("r-xr-xr-x");
        assertThat(info.narHash()).isEqualTo(Nar.hash(physical, HashAlgo.SHA256));
    }

    @Test
    void outputsOfOneBuildAreCommittedReferencedFirst() throws IOException {
        StorePath out = output("out");
        StorePath dev = output("dev");
        StorePath doc = output("doc");
        try (PathLock a = store.lockPath(out); PathLock b = store.lockPath(dev); PathLock c = store.lockPath(doc)) {
            build(out, "links " + StoreDir.DEFAULT.print(dev));
            build(dev, "plain");
            build(doc, "about " + StoreDir.DEFAULT.print(out));
            int[] commits = {0};
            store.beforeRegister = () -> {
                if (commits[0]++ == 2) throw new IllegalStateException("simulated crash");
            };

            assertThatThrownBy(() -> store.registerValidPaths(List.of(doc, out, dev), List.of(), Optional.empty()))
                    .hasMessage("simulated crash");

            // dev and out made it, in that order; doc did not, and nothing valid has a dangling reference
            assertThat(store.validPaths()).containsExactlyInAnyOrder(dev, out);
            assertThat(store.queryPathInfo(out).orElseThrow().references()).containsExactly(dev);
            store.beforeRegister = () -> {};
            List<PathInfo> all = store.registerValidPaths(List.of(doc, out, dev), List.of(), Optional.empty());
            assertThat(all).extracting(PathInfo::path).containsExactly(dev, out, doc);
        }
        assertThat(store.queryPathInfo(doc).orElseThrow().references()).containsExactly(out);
    }

    @Test
    void outputsReferencingEachOtherAreRefused() throws IOException {
        StorePath out = output("out");
        StorePath lib = output("lib");
        try (PathLock a = store.lockPath(out); PathLock b = store.lockPath(lib)) {
            build(out, StoreDir.DEFAULT.print(lib));
            build(lib, StoreDir.DEFAULT.print(out));

            assertThatThrownBy(() -> store.registerValidPaths(List.of(out, lib), List.of(), Optional.empty()))
                    .hasMessageContaining("cycle detected in the references of");
        }
        assertThat(store.validPaths()).isEmpty();
    }

    private static StorePath output(String name) {
        return StoreDir.DEFAULT.textPath(name, ("output " + name).getBytes(StandardCharsets.UTF_8), List.of());
    }

    private void build(StorePath p, String contents) throws IOException {
        write(store.layout().physical(p), contents, "rw-r--r--");
    }

    @Test
    void changedOrMissingContentsAreFoundDamaged() throws IOException {
        StorePath intact = store.addToStore(write(src.resolve("ok"), "ok", "rw-r--r--"), "ok");
        StorePath changed = store.addToStore(write(src.resolve("changed"), "before", "rw-r--r--"), "changed");
        StorePath missing = store.addToStore(write(src.resolve("missing"), "gone", "rw-r--r--"), "missing");
        Path changedFile = store.layout().physical(changed);
        Files.setPosixFilePermissions(changedFile, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(changedFile, "after");
        Files.delete(store.layout().physical(missing));

        assertThat(store.findDamagedPaths()).containsExactlyInAnyOrder(changed, missing);
        assertThat(store.isValid(intact)).isTrue();
    }

    @Test
    void aValidPathIsOnlyValidUnderItsOwnName() throws IOException {
        StorePath p = store.addToStore(write(src.resolve("f"), "x", "rw-r--r--"), "f");

        assertThat(store.isValid(new StorePath(p.hashPart(), "g"))).isFalse();
    }

    private void assertNoTemporaryEntries() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(store.layout().physicalStoreDir()),
                Files.list(store.layout().infoDir()))) {
            assertThat(s.map(e -> e.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    private static Path write(Path p, String contents, String mode) throws IOException {
        Files.writeString(p, contents);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        return p;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    /** Permission bits with setuid, setgid and sticky, which the NIO permission set cannot show. */
    private static int modeBits(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    }

    private static long mtimeMillis(Path p) throws IOException {
        return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis();
    }

    private static long narSize(Path p) throws IOException {
        HashSink sink = new HashSink(HashAlgo.SHA256);
        NarWriter.dump(p, sink);
        return sink.size();
    }
}
