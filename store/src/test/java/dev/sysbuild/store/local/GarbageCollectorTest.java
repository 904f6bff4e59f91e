package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectorTest {
    @TempDir
    Path tmp;

    Path root;
    LocalStore store;

    @BeforeEach
    void open() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        store = LocalStore.open(root, StoreDir.DEFAULT, Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"),
                ZoneOffset.UTC), Duration.ofSeconds(5));
    }

    private StorePath text(String name, String contents, StorePath... refs) throws IOException {
        return store.addTextToStore(name, contents.getBytes(StandardCharsets.UTF_8), List.of(refs));
    }

    /** A read-only directory path, so deleting it needs the directories made writable first. */
    private StorePath tree(String name, String contents) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + name + "/sub"));
        Files.writeString(src.resolve("file"), contents);
        return store.addToStore(src.getParent(), name);
    }

    private Path link(Path link, String target) throws IOException {
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, Path.of(target));
    }

    private String logical(StorePath p) {
        return store.storeDir().print(p);
    }

    @Test
    void keepsExactlyTheClosureOfEveryKindOfRootAndDeletesTheRest() throws IOException {
        StorePath lib = text("lib", "lib");
        StorePath sys = text("system", "uses " + lib, lib);
        StorePath built = tree("built", "result contents");
        StorePath active = text("active", "active");
        StorePath pinned = text("pinned", "pinned");
        StorePath oldLib = text("old-lib", "old");
        StorePath oldSys = text("old-system", "uses " + oldLib + " and " + lib, oldLib, lib);
        StorePath deadTree = tree("dead-tree", "dead");
        // generations: system -> system-2-link -> logical store path (relative first hop)
        Path profiles = GcRoots.profilesDir(store.layout());
        link(profiles.resolve("system-2-link"), logical(sys));
        link(profiles.resolve("system"), "system-2-link");
        // a result link outside R, registered as an automatic root, pointing at the physical path
        Path result = link(tmp.resolve("project/result"), store.layout().physical(built).toString());
        link(GcRoots.autoRootsDir(store.layout()).resolve("r1"), result.toString());
        // an automatic root whose result link is gone: removed quietly
        Path stale = link(GcRoots.autoRootsDir(store.layout()).resolve("r2"), tmp.resolve("gone/result").toString());
        // a hand-made root deeper in gcroots, logical
        link(GcRoots.gcRootsDir(store.layout()).resolve("by-hand/pin"), logical(pinned));
        link(GcRoots.currentSystemLink(store.layout()), logical(active));
        // invalid garbage: a path moved in but never registered, and a staging directory
        StorePath unregistered = StorePath.parseBaseName("0000000000000000000000000000000a-crashed");
        Files.writeString(store.layout().physical(unregistered), "half");
        Path staging = Files.createDirectory(store.layout().physicalStoreDir().resolve(".tmp-123"));

        GcResult r = store.collectGarbage(false);

        assertThat(store.validPaths()).containsExactlyInAnyOrder(lib, sys, built, active, pinned);
        assertThat(r.deleted()).containsExactlyInAnyOrder(oldLib, oldSys, deadTree, unregistered);
        for (StorePath gone : List.of(oldLib, oldSys, deadTree, unregistered)) {
            assertThat(store.layout().physical(gone)).doesNotExist();
            assertThat(store.layout().infoFile(gone)).doesNotExist();
        }
        for (StorePath kept : store.validPaths()) assertThat(store.layout().physical(kept)).exists();
        assertThat(staging).doesNotExist();
        assertThat(r.temporaryEntries()).isEqualTo(1);
        assertThat(Files.exists(stale, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.isSymbolicLink(GcRoots.autoRootsDir(store.layout()).resolve("r1"))).isTrue();
        assertThat(r.bytesFreed()).isEqualTo(3 + ("uses " + oldLib + " and " + lib).length() + 4 + 4);
        assertThat(store.verify(true)).isEmpty();
    }

    @Test
    void dryRunChangesNothingAndReportsWhatTheRealRunThenDoes() throws IOException {
        StorePath keep = text("keep", "keep");
        StorePath dead = tree("dead", "0123456789");
        StorePath deadToo = text("dead-too", "uses " + dead, dead);
        link(GcRoots.currentSystemLink(store.layout()), logical(keep));
        Path stale = link(GcRoots.autoRootsDir(store.layout()).resolve("r"), tmp.resolve("nothing").toString());
        List<Path> before = listing();

        GcResult dry = store.collectGarbage(true);

        assertThat(listing()).isEqualTo(before);
        assertThat(Files.exists(stale, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.deleted()).containsExactlyInAnyOrder(dead, deadToo);
        assertThat(dry.bytesFreed()).isEqualTo(10 + ("uses " + dead).length());

        GcResult real = store.collectGarbage(false);

        assertThat(real.deleted()).isEqualTo(dry.deleted());
        assertThat(real.bytesFreed()).isEqualTo(dry.bytesFreed());
        assertThat(store.validPaths()).containsExactly(keep);
    }

    @Test
    void whatALiveProcessAddedOrFoundValidIsKeptUntilItExits() throws Exception {
        StorePath input = text("input", "in");
        StorePath dep = text("dep", "d");
        StorePath found = text("found", "uses " + dep, dep);
        StorePath other = text("other", "other");
        Process build = StoreProcess.start("use", root.toString(), "drv", "a derivation", found.baseName());
        StorePath added;
        try {
            added = StorePath.parseBaseName(StoreProcess.firstLine(build));
            // The other process's roots, with their closures; this process's own are not roots for it.
            GcResult r = store.collectGarbage(false);
            assertThat(r.deleted()).containsExactlyInAnyOrder(input, other);
            assertThat(store.validPaths()).containsExactlyInAnyOrder(added, found, dep);
            assertThat(TempRoots.dir(store.layout()).resolve(String.valueOf(build.pid()))).exists();
        } finally {
            build.getOutputStream().close();
            assertThat(build.waitFor()).isZero();
        }
        // Its owner is gone: the roots file is stale, removed, and its paths are garbage.
        assertThat(store.collectGarbage(false).deleted()).containsExactlyInAnyOrder(added, found, dep);
        assertThat(TempRoots.dir(store.layout()).resolve(String.valueOf(build.pid()))).doesNotExist();
    }

    @Test
    void aProcessThatCannotTakeTemporaryRootsStillAnswersValidity() throws Exception {
        StorePath p = text("p", "p");
        // As for a user who may read the store but not write it: temproots cannot be made (a file
        // is in the way), yet asking about a path works, in a process of its own.
        FileTrees.deleteRecursively(TempRoots.dir(store.layout()));
        Files.writeString(TempRoots.dir(store.layout()), "not a directory");
        Process asking = StoreProcess.start("valid", root.toString(), p.baseName());
        asking.getOutputStream().close();
        assertThat(StoreProcess.firstLine(asking)).isEqualTo("true");
        assertThat(asking.waitFor()).isZero();
    }

    @Test
    void aPathWhoseLockIsHeldSurvivesWithItsClosure() throws IOException {
        StorePath input = text("input", "in");
        StorePath output = text("output", "uses " + input, input);
        StorePath other = text("other", "other");

        GcResult r;
        try (PathLock building = store.lockPath(output)) {
            r = store.collectGarbage(false);
        }

        assertThat(r.deleted()).containsExactly(other);
        assertThat(store.validPaths()).containsExactlyInAnyOrder(input, output);
        // Lock files nobody held are gone; the one held while collecting stays.
        try (Stream<Path> locks = Files.list(store.layout().locksDir())) {
            assertThat(locks.map(f -> f.getFileName().toString()).toList()).containsExactly(output.hashPart() + ".lock");
        }
        assertThat(store.collectGarbage(false).deleted()).containsExactlyInAnyOrder(input, output);
    }

    @Test
    void anUnregisteredPathBeingBuiltIsLeftAlone() throws IOException {
        StorePath building = StorePath.parseBaseName("0000000000000000000000000000000b-building");
        Files.createDirectory(store.layout().physical(building));
        try (PathLock lock = store.lockPath(building)) {
            assertThat(store.collectGarbage(false).deleted()).isEmpty();
        }
        assertThat(store.layout().physical(building)).exists();
        assertThat(store.collectGarbage(false).deleted()).containsExactly(building);
    }

    @Test
    void aRootChainThatLeavesTheStoreKeepsNothingAndIsKept() throws IOException {
        StorePath p = text("p", "p");
        Path elsewhere = Files.writeString(tmp.resolve("plain-file"), "x");
        Path auto = link(GcRoots.autoRootsDir(store.layout()).resolve("odd"), elsewhere.toString());

        assertThat(store.collectGarbage(false).deleted()).containsExactly(p);
        assertThat(Files.isSymbolicLink(auto)).isTrue();
    }

    @Test
    void optimiseLinksIdenticalFilesKeepsNarHashesAndCollectionFreesTheLinks() throws IOException {
        String big = "same contents ".repeat(100);
        StorePath a = tree("a", big);
        StorePath b = tree("b", big);
        StorePath c = tree("c", "different");
        Path fileA = store.layout().physical(a).resolve("sub/file");
        Path fileB = store.layout().physical(b).resolve("sub/file");

        OptimiseResult r = store.optimise();

        assertThat(r.filesLinked()).isEqualTo(1);
        assertThat(r.bytesSaved()).isEqualTo(big.length());
        assertThat(Files.isSameFile(fileA, fileB)).isTrue();
        assertThat(store.verify(true)).isEmpty();
        assertThat(Files.getPosixFilePermissions(fileB.getParent())).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThat(Files.getLastModifiedTime(fileB.getParent()).toMillis()).isEqualTo(1000);
        assertThat(store.optimise().filesLinked()).isZero();

        link(GcRoots.currentSystemLink(store.layout()), logical(c));
        GcResult gc = store.collectGarbage(false);

        assertThat(gc.deleted()).containsExactlyInAnyOrder(a, b);
        // a, b's shared file is freed once, through its last link in .links
        assertThat(gc.bytesFreed()).isEqualTo(big.length());
        try (Stream<Path> links = Files.list(StoreOptimiser.linksDir(store.layout()))) {
            assertThat(links.toList()).hasSize(1); // c's file stays linked
        }
    }

    @Test
    void verifyReportsMissingAndModifiedPathsAndDanglingReferences() throws IOException {
        StorePath ok = text("ok", "ok");
        StorePath bad = tree("bad", "original");
        StorePath gone = text("gone", "gone");
        StorePath user = text("user", "uses " + gone, gone);
        Path file = store.layout().physical(bad).resolve("sub/file");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(file, "tampered");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        Files.delete(store.layout().physical(gone));

        assertThat(store.verify(false)).containsExactly(
                "path '" + logical(gone) + "' disappeared, but it is still valid");
        Files.delete(store.layout().infoFile(gone));
        List<String> problems = store.verify(true);

        assertThat(problems).hasSize(2);
        assertThat(problems).anyMatch(m -> m.startsWith("path '" + logical(bad) + "' was modified! expected hash 'sha256:"));
        assertThat(problems).contains("path '" + logical(user) + "' references '" + logical(gone) + "', which is not valid");
        assertThat(problems).noneMatch(m -> m.contains(logical(ok)));
    }

    @Test
    void aCollectionInterruptedAfterItsJournalIsFinishedWhenTheStoreIsOpened() throws IOException {
        StorePath lib = text("lib", "lib");
        StorePath app = text("app", "uses " + lib, lib);
        StorePath other = text("other", "other");
        // as if a collection crashed after writing its journal and deleting only lib's info file
        GcJournal.begin(store.layout(), List.of(app.hashPart(), lib.hashPart()));
        Files.delete(store.layout().infoFile(lib));

        LocalStore reopened = LocalStore.open(root, StoreDir.DEFAULT);

        assertThat(reopened.validPaths()).containsExactly(other);
        assertThat(GcJournal.file(store.layout())).doesNotExist();
        assertThat(reopened.verify(false)).isEmpty();
        // the contents are now invalid garbage, which the next collection sweeps
        assertThat(reopened.collectGarbage(false).deleted()).containsExactlyInAnyOrder(lib, app, other);
    }

    @Test
    void aJournalOfBaseNamesFromAnEarlierVersionIsFinishedToo() throws IOException {
        StorePath lib = text("lib", "lib");
        StorePath app = text("app", "uses " + lib, lib);
        Files.writeString(GcJournal.file(store.layout()), app.baseName() + "\n" + lib.baseName() + "\nend\n");

        LocalStore reopened = LocalStore.open(root, StoreDir.DEFAULT);

        assertThat(reopened.validPaths()).isEmpty();
        assertThat(GcJournal.file(store.layout())).doesNotExist();
    }

    @Test
    void aCollectionReadsNoDeadPathsInfoFile() throws IOException {
        StorePath kept = text("kept", "kept");
        StorePath dead = text("dead", "dead");
        StorePath deadUser = text("dead-user", "uses " + dead, dead);
        link(root.resolve("sysbuild/var/gcroots/keep"), logical(kept));
        // Unreadable info files of dead paths: a collection that read them would fail.
        for (StorePath p : List.of(dead, deadUser)) {
            Path info = store.layout().infoFile(p);
            info.toFile().setWritable(true);
            Files.writeString(info, "not an info file");
        }

        GcResult r = store.collectGarbage(false);

        assertThat(r.deleted()).containsExactlyInAnyOrder(dead, deadUser);
        assertThat(store.validPaths()).containsExactly(kept);
        assertThat(store.layout().physical(dead)).doesNotExist();
        assertThat(store.verify(false)).isEmpty();
    }

    @Test
    void aDeadPathWhoseTreeIsMissingIsStillNamedAndUnregistered() throws IOException {
        StorePath gone = text("gone", "gone");
        Files.delete(store.layout().physical(gone));

        assertThat(store.collectGarbage(true).deleted()).containsExactly(gone);
        assertThat(store.collectGarbage(false).deleted()).containsExactly(gone);
        assertThat(store.validPaths()).isEmpty();
    }

    @Test
    void collectedInfoFilesArePooledAndReusedByLaterRegistrations() throws IOException {
        StorePath a = text("a", "a long text so that the info file to reuse is longer than the next one".repeat(3));
        StorePath b = text("b", "b");
        Path pool = store.layout().dbDir().resolve("free");

        store.collectGarbage(false);

        try (Stream<Path> pooled = Files.list(pool)) {
            assertThat(pooled.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(a.hashPart(), b.hashPart());
        }
        assertThat(store.validPaths()).isEmpty();
        // a new store object (its own process's pool listing) writes its entry into a pooled file
        LocalStore next = LocalStore.open(root, StoreDir.DEFAULT);
        StorePath c = next.addTextToStore("c", "c".getBytes(StandardCharsets.UTF_8), List.of());
        List<StorePath> group = next.addTextsToStore(List.of(new LocalStore.Text("d", new byte[] {'d'}, List.of(c))));
        try (Stream<Path> pooled = Files.list(pool)) {
            assertThat(pooled.toList()).isEmpty();
        }
        assertThat(next.validPaths()).containsExactlyInAnyOrder(c, group.get(0));
        assertThat(next.verify(true)).isEmpty();
        assertThat(next.queryPathInfo(group.get(0)).orElseThrow().references()).containsExactly(c);
        try (Stream<Path> info = Files.list(next.layout().infoDir())) {
            assertThat(info.map(f -> f.getFileName().toString())).noneMatch(AtomicFile::isTemporary);
        }
    }

    @Test
    void theFirstCollectionLosesNoInfoFileWhileItsThreadsCreateThePool() throws IOException {
        List<StorePath> dead = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) dead.add(text("t" + i, "text " + i));

        assertThat(store.collectGarbage(false).deleted()).containsExactlyInAnyOrderElementsOf(dead);

        assertThat(store.validPaths()).isEmpty();
        try (Stream<Path> pooled = Files.list(store.layout().dbDir().resolve("free"))) {
            assertThat(pooled.count()).isEqualTo(300);
        }
    }

    @Test
    void aDamagedJournalIsRefusedInsteadOfGuessedAt() throws IOException {
        text("p", "p");
        Files.writeString(GcJournal.file(store.layout()), "0000000000000000000000000000000a-p\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LocalStore.open(root, StoreDir.DEFAULT))
                .isInstanceOf(CorruptDatabaseException.class)
                .hasMessageContaining("garbage collection journal is damaged");
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.sorted().toList();
        }
    }

}
