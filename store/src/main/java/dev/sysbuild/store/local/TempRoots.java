package dev.sysbuild.store.local;

import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary GC roots, as Nix keeps them: the store paths this process has added or found valid
 * and may still use (a build's inputs, the {@code .drv} files an evaluation wrote, outputs not
 * yet linked from a root), one line each in {@code R/sysbuild/var/db/temproots/PID}. The process
 * holds a lock on its file for as long as it lives, so a collection in another process reads
 * the files of live processes as roots and deletes those whose owner is gone.
 *
 * <p>A root is written while the global lock is held shared (see {@link LocalStore}), so a
 * collection, which holds it exclusively, either ran before (and the caller sees the path is
 * gone) or sees the root. A collection ignores its own process's roots: {@code sysbuild} never
 * builds and collects in one process.
 */
final class TempRoots {
    private static final ConcurrentHashMap<Path, TempRoots> PER_STORE = new ConcurrentHashMap<>();

    private final Path dir;
    private final Set<StorePath> written = ConcurrentHashMap.newKeySet();
    private Path file;
    private FileChannel channel;
    private FileLock lock;

    private TempRoots(Path dir) {
        this.dir = dir;
    }

    static Path dir(StoreLayout layout) {
        return layout.dbDir().resolve("temproots");
    }

    /** This process's temporary roots in the store of {@code layout}. */
    static TempRoots of(StoreLayout layout) {
        return PER_STORE.computeIfAbsent(dir(layout).toAbsolutePath().normalize(), TempRoots::new);
    }

    /** Whether {@code p} is already a temporary root of this process. */
    boolean contains(StorePath p) {
        return written.contains(p);
    }

    /** Makes {@code p} a temporary root of this process (the caller holds the global lock shared). */
    synchronized void add(StorePath p) throws IOException {
        if (written.contains(p)) return;
        if (channel == null) open();
        ByteBuffer line = ByteBuffer.wrap((p.toString() + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) channel.write(line);
        written.add(p);
    }

    private void open() throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(String.valueOf(ProcessHandle.current().pid()));
        FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            // A file left by a dead process with our pid is truncated above; the lock marks it live.
            lock = ch.lock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        channel = ch;
        file = f;
        // Gone with the process; after a crash the next collection removes it.
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeOwnFile, "sysbuild-temproots"));
    }

    private synchronized void removeOwnFile() {
        try {
            Files.deleteIfExists(file);
            channel.close();
        } catch (IOException e) {
            // the next collection removes it
        }
    }

    /**
     * The temporary roots of every other live process; with {@code removeStale}, the files of
     * processes that are gone are deleted. Called under the exclusive global lock.
     */
    static SortedSet<StorePath> ofOtherProcesses(StoreLayout layout, boolean removeStale) throws IOException {
        Path d = dir(layout);
        SortedSet<StorePath> roots = new TreeSet<>();
        if (!Files.isDirectory(d)) return roots;
        TempRoots mine = PER_STORE.get(d.toAbsolutePath().normalize());
        Path own = mine == null ? null : mine.ownFile();
        Set<Path> files = new HashSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(d)) {
            ds.forEach(files::add);
        }
        for (Path f : files) {
            if (f.equals(own)) continue;
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                FileLock probe;
                try {
                    probe = ch.tryLock();
                } catch (OverlappingFileLockException sameJvm) {
                    probe = null; // another store object of this JVM holds it: live
                }
                if (probe != null) {
                    // Nobody holds it: its process is gone.
                    if (removeStale) Files.deleteIfExists(f);
                    probe.release();
                    continue;
                }
                read(layout, Files.readString(f, StandardCharsets.UTF_8), roots);
            } catch (NoSuchFileException gone) {
                // removed by its owner or another collection meanwhile
            }
        }
        return roots;
    }

    private synchronized Path ownFile() {
        return file;
    }

    private static void read(StoreLayout layout, String text, SortedSet<StorePath> into) {
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) break; // a last line without its newline is still being written: not yet a root
            String line = text.substring(start, nl);
            start = nl + 1;
            try {
                into.add(StorePath.parseBaseName(line));
            } catch (InvalidStorePathException e) {
                // not ours
            }
        }
    }
}
