package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysbuild.store.path.PathImport;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adds registered before their contents are on disk ({@link PendingSyncs}): what a crash in the
 * middle can and cannot leave valid. A crash that loses written-back data cannot be caused in a
 * test, so its result is made by hand: the store is opened as after a reboot (another epoch) with
 * a file of an added path cut short, as the disk would have it had the page cache never reached it.
 */
class PendingSyncsTest {
    /** Files in a tree large enough to be registered before it is synced (more than 64 files and directories). */
    private static final int BIG = 70;

    @TempDir
    Path tmp;

    Path root;
    Path src;
    /** The epoch the next open sees. */
    Optional<String> epoch = Optional.of("boot 1 mount 7");
    /** The store directories each file-system sync was asked for, in order. */
    final List<Path> syncs = new ArrayList<>();
    final AtomicBoolean syncWorks = new AtomicBoolean(true);

    @BeforeEach
    void dirs() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        src = Files.createDirectory(tmp.resolve("src"));
    }

    private LocalStore open() throws IOException {
        Optional<String> seen = epoch;
        return LocalStore.open(root, StoreDir.DEFAULT, Clock.systemUTC(), Duration.ofSeconds(30), dir -> seen,
                (storeDir, pending) -> {
                    syncs.add(storeDir);
                    return syncWorks.get();
                });
    }

    private Path tree(String name, int files) throws IOException {
        Path t = Files.createDirectories(src.resolve(name).resolve("sub"));
        for (int i = 0; i < files; i++) Files.writeString(t.resolve("f" + i), name + " file " + i + "\n");
        return src.resolve(name);
    }

    private List<String> records() throws IOException {
        Path dir = PendingSyncs.dir(new StoreLayout(root, StoreDir.DEFAULT));
        if (!Files.isDirectory(dir)) return List.of();
        List<String> texts = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) texts.add(Files.readString(f));
        }
        return texts;
    }

    /** What a crash before the write-back leaves on disk: the file's last bytes never arrived. */
    private static void loseTheEnd(Path storeFile) throws IOException {
        Files.setPosixFilePermissions(storeFile.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(storeFile, PosixFilePermissions.fromString("rw-r--r--"));
        try (FileChannel ch = FileChannel.open(storeFile, StandardOpenOption.WRITE)) {
            ch.truncate(3);
        }
    }

    @Test
    void anAddIsRegisteredAndRecordedWithoutSyncingThenTheNextOpenSyncsOnceAndForgetsIt() throws IOException {
        LocalStore store = open();
        Path t = tree("big", BIG);

        StorePath p = store.addToStore(t, "big");

        assertThat(store.isValid(p)).isTrue();
        assertThat(syncs).isEmpty();
        assertThat(records()).containsExactly("sysbuild-pending-sync 1\nboot 1 mount 7\n" + p.baseName() + "\n");

        LocalStore again = open();

        assertThat(syncs).containsExactly(store.layout().physicalStoreDir());
        assertThat(records()).isEmpty();
        assertThat(again.isValid(p)).isTrue();
        open();
        assertThat(syncs).hasSize(1); // nothing left to sync
    }

    @Test
    void syncPendingIsWhatMakesAddsDurableBeforeAGenerationOrARootRefersToThem() throws IOException {
        LocalStore store = open();
        StorePath p = store.addToStore(tree("src", BIG), "src");
        assertThat(records()).hasSize(1);

        store.syncPending();

        assertThat(syncs).hasSize(1);
        assertThat(records()).isEmpty();
        assertThat(store.isValid(p)).isTrue();
    }

    @Test
    void aFailedSyncKeepsTheRecordUntilASyncWorks() throws IOException {
        LocalStore store = open();
        store.addToStore(tree("t", BIG), "t");
        syncWorks.set(false);

        open();

        assertThat(syncs).hasSize(1);
        assertThat(records()).hasSize(1);
        syncWorks.set(true);
        open();
        assertThat(syncs).hasSize(2);
        assertThat(records()).isEmpty();
    }

    @Test
    void afterARebootAPathWhoseContentsReachedTheDiskStaysValid() throws IOException {
        LocalStore store = open();
        StorePath p = store.addToStore(tree("kept", BIG), "kept");

        epoch = Optional.of("boot 2 mount 7");
        LocalStore rebooted = open();

        assertThat(rebooted.isValid(p)).isTrue();
        assertThat(syncs).isEmpty(); // nothing of this epoch to sync: the old one was checked instead
        assertThat(records()).isEmpty();
    }

    @Test
    void afterARebootAPathThatLostContentsAndEveryPathReferencingItAreNoLongerValidAndGcDeletesThem()
            throws IOException {
        LocalStore store = open();
        StorePath lost = store.addToStore(tree("lost", BIG), "lost");
        StorePath intact = store.addToStore(tree("intact", BIG), "intact");
        // Texts are forced to disk before they are registered, so only their reference is at stake.
        StorePath referrer = store.addTextToStore("referrer",
                store.storeDir().print(lost).getBytes(StandardCharsets.UTF_8), List.of(lost));
        StorePath referrerOfReferrer = store.addTextToStore("second",
                store.storeDir().print(referrer).getBytes(StandardCharsets.UTF_8), List.of(referrer));
        StorePath unrelated = store.addTextToStore("unrelated", "x".getBytes(StandardCharsets.UTF_8), List.of());
        loseTheEnd(store.layout().physical(lost).resolve("sub/f4"));

        epoch = Optional.of("boot 2 mount 7");
        // The warning goes through System.Logger, which without the CLI's finder is java.util.logging.
        List<String> warnings = new ArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                warnings.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("store");
        log.addHandler(handler);
        LocalStore rebooted;
        try {
            rebooted = open();
        } finally {
            log.removeHandler(handler);
        }

        assertThat(warnings).singleElement().asString().startsWith("WARNING 1 store path(s) had not reached the disk")
                .contains(store.storeDir().print(lost) + "; and 2 path(s) referencing them: ")
                .contains(store.storeDir().print(referrer)).contains(store.storeDir().print(referrerOfReferrer))
                .endsWith("add or build them again.");
        assertThat(rebooted.isValid(lost)).isFalse();
        assertThat(rebooted.isValid(referrer)).isFalse();
        assertThat(rebooted.isValid(referrerOfReferrer)).isFalse();
        assertThat(rebooted.validPaths()).containsExactlyInAnyOrder(intact, unrelated);
        assertThat(records()).isEmpty();
        assertThat(Files.exists(GcJournal.file(rebooted.layout()))).isFalse();
        assertThat(rebooted.collectGarbage(false).deleted()).contains(lost, referrer, referrerOfReferrer);
        assertThat(rebooted.layout().physical(lost)).doesNotExist();
        // added again, it is whole and valid
        assertThat(rebooted.addToStore(src.resolve("lost"), "lost")).isEqualTo(lost);
    }

    @Test
    void aRemountIsTheEndOfAnEpochToo() throws IOException {
        LocalStore store = open();
        StorePath p = store.addToStore(tree("gone", BIG), "gone");
        loseTheEnd(store.layout().physical(p).resolve("sub/f0"));

        epoch = Optional.of("boot 1 mount 8");

        assertThat(open().isValid(p)).isFalse();
    }

    @Test
    void aCrashAfterTheRecordAndBeforeTheCommitLeavesOnlyGarbage() throws IOException {
        LocalStore store = open();
        Path t = tree("doomed", BIG);
        StorePath expected = PathImport.recursive(StoreDir.DEFAULT, t, "doomed");
        store.beforeRegister = () -> {
            throw new IllegalStateException("simulated crash");
        };
        assertThatThrownBy(() -> store.addToStore(t, "doomed")).hasMessage("simulated crash");
        assertThat(records()).hasSize(1);

        epoch = Optional.of("boot 2 mount 7");
        LocalStore rebooted = open();

        assertThat(rebooted.isValid(expected)).isFalse();
        assertThat(records()).isEmpty();
        assertThat(rebooted.deleteInvalidPaths().invalidPaths()).containsExactly(expected);
    }

    @Test
    void aRecordCutShortByACrashIsIgnoredAndTheNextCollectionDeletesIt() throws IOException {
        LocalStore store = open();
        StorePath p = store.addToStore(tree("whole", BIG), "whole");
        // AtomicFile writes under a temporary name first: what a crash in the middle of a record leaves.
        Path half = Files.writeString(PendingSyncs.dir(store.layout()).resolve(p.hashPart() + ".x" + AtomicFile.TEMP_INFIX + "1"),
                "sysbuild-pending-sync 1\nboot 0 mou");

        LocalStore again = open();

        assertThat(syncs).hasSize(1);
        assertThat(half).exists(); // not a record: nothing settled it
        assertThat(again.isValid(p)).isTrue();
        epoch = Optional.of("boot 2 mount 7");
        assertThat(open().isValid(p)).isTrue(); // nor checked as one
        assertThat(open().collectGarbage(false).temporaryEntries()).isGreaterThanOrEqualTo(1);
        assertThat(half).doesNotExist();
    }

    @Test
    void aRecordSysbuildDidNotWriteDoesNotStopTheStoreFromOpeningAndGoes() throws IOException {
        LocalStore store = open();
        StorePath p = store.addToStore(tree("kept", BIG), "kept");
        Path dir = PendingSyncs.dir(store.layout());
        Path garbage = Files.write(dir.resolve("garbage"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        LocalStore again = open();

        assertThat(again.isValid(p)).isTrue();
        assertThat(garbage).doesNotExist();
        assertThat(records()).isEmpty();
    }

    @Test
    void aSmallTreeIsForcedToDiskFileByFileAndNothingIsRecorded() throws IOException {
        LocalStore store = open();

        StorePath p = store.addToStore(tree("few", 3), "few");

        assertThat(store.isValid(p)).isTrue();
        assertThat(records()).isEmpty();
        assertThat(syncs).isEmpty();
    }

    @Test
    void whereTheEpochCannotBeKnownAnAddIsForcedToDiskAndNothingIsRecorded() throws IOException {
        epoch = Optional.empty();
        LocalStore store = open();

        StorePath p = store.addToStore(tree("plain", BIG), "plain");

        assertThat(store.isValid(p)).isTrue();
        assertThat(records()).isEmpty();
    }

    @Test
    void theMountHoldingAPathIsTheLongestMountPointLeadingToIt() {
        String info = """
                22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
                30 22 8:2 / /srv rw shared:2 - ext4 /dev/sda2 rw
                31 30 8:3 / /srv/data\\040disk rw shared:3 - xfs /dev/sda3 rw
                32 22 0:5 / /srv2 rw shared:4 - tmpfs tmpfs rw
                40 30 8:4 / /srv rw shared:5 - ext4 /dev/sda4 rw
                """;

        assertThat(WriteBackEpoch.mountId(info, Path.of("/srv/data disk/sysbuild/store"))).contains("31");
        assertThat(WriteBackEpoch.mountId(info, Path.of("/srv2x/store"))).contains("22");
        assertThat(WriteBackEpoch.mountId(info, Path.of("/srv/store"))).contains("40"); // mounted over 30
        assertThat(WriteBackEpoch.mountId("", Path.of("/x"))).isEmpty();
    }

    @Test
    void thisMachineHasAnEpochAndItDoesNotChangeWithinABoot() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/sys/kernel/random/boot_id")), "no /proc here: nothing to read the epoch from");

        Optional<String> e = WriteBackEpoch.of(root);

        assertThat(e).isPresent();
        assertThat(e.get()).matches("boot [0-9a-f-]{36} mount [0-9]+");
        assertThat(WriteBackEpoch.of(root)).isEqualTo(e);
    }
}
