package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a collection keeps ({@link GarbageCollector}): the closure of the roots among the
 * registered paths, found by reading the info files of live paths only (their references are what
 * the closure follows). The registered paths are the info directory's names, so the dead ones are
 * known without reading a single dead path's info file.
 */
final class LivePaths {
    /** Below this many info files to read at once, threads cost more than they save. */
    private static final int PARALLEL_READS = 64;

    private final StoreLayout layout;
    /** Every registered hash part (the info directory's listing). */
    private final Set<String> registered;
    /** The live paths' infos by hash part. */
    private final Map<String, PathInfo> live = new HashMap<>();

    LivePaths(StoreLayout layout, Set<String> registered) {
        this.layout = layout;
        this.registered = registered;
    }

    /** Whether {@code p} (exactly: its name too) is live. */
    boolean contains(StorePath p) {
        PathInfo info = live.get(p.hashPart());
        return info != null && info.path().equals(p);
    }

    /** The registered hash parts that are not live. */
    Set<String> dead() {
        Set<String> dead = new HashSet<>(registered);
        dead.removeAll(live.keySet());
        return dead;
    }

    /**
     * Adds the closure of {@code from} (its valid members) to {@link #live}, reading each live
     * path's info file once, a whole layer of the closure at a time on all cores when it is large
     * (a store of 100,000 live paths is mostly this). A path is valid if its hash part's info file
     * names exactly it.
     */
    void addClosure(Collection<StorePath> from) throws IOException {
        Set<StorePath> layer = new HashSet<>();
        for (StorePath p : from) if (wanted(p)) layer.add(p);
        while (!layer.isEmpty()) {
            List<StorePath> todo = new ArrayList<>(layer);
            List<PathInfo> infos = new ArrayList<>(todo.size());
            if (todo.size() < PARALLEL_READS) {
                for (StorePath p : todo) infos.add(readInfo(p.hashPart()));
            } else {
                try {
                    infos = todo.parallelStream().map(p -> {
                        try {
                            return readInfo(p.hashPart());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            layer = new HashSet<>();
            for (int i = 0; i < todo.size(); i++) {
                PathInfo info = infos.get(i);
                if (info == null || !info.path().equals(todo.get(i)) || live.putIfAbsent(info.path().hashPart(), info) != null) {
                    continue;
                }
                for (StorePath ref : info.references()) if (wanted(ref)) layer.add(ref);
            }
        }
    }

    private boolean wanted(StorePath p) {
        return registered.contains(p.hashPart()) && !live.containsKey(p.hashPart());
    }

    /**
     * The valid, otherwise dead paths whose lock someone holds: a builder that has registered its
     * output but not yet made its root. Only dead paths are looked at, so the cost follows the
     * garbage, not the store. Nobody can register while we hold the global lock, so a lock taken
     * after we looked cannot make a dead path live.
     */
    List<StorePath> pathsBeingBuilt() throws IOException {
        Optional<HeldLocks> held = HeldLocks.on(layout.locksDir());
        List<StorePath> building = new ArrayList<>();
        // Lock files are deleted once their path is valid, so most dead paths have none: one listing
        // of the locks directory, and only the lock files of dead paths are looked at.
        String[] lockNames = layout.locksDir().toFile().list();
        if (lockNames == null) return building;
        for (String name : lockNames) {
            if (name.length() != StorePath.HASH_LENGTH + ".lock".length() || !name.endsWith(".lock")) continue;
            String h = name.substring(0, StorePath.HASH_LENGTH);
            if (!registered.contains(h) || live.containsKey(h)) continue;
            Path lockFile = layout.locksDir().resolve(name);
            boolean isHeld;
            if (held.isPresent()) {
                isHeld = held.get().isHeld(lockFile);
            } else if (Files.exists(lockFile)) { // never create a lock file only to test it
                Optional<PathLock> lock = PathLock.tryAcquire(lockFile);
                isHeld = lock.isEmpty();
                if (lock.isPresent()) lock.get().close();
            } else {
                isHeld = false;
            }
            PathInfo info = isHeld ? readInfo(h) : null;
            if (info != null) building.add(info.path());
        }
        return building;
    }

    /** The info in the file of hash part {@code h}, or null if it is gone. */
    PathInfo readInfo(String h) throws IOException {
        Path file = layout.infoDir().resolve(h);
        try {
            return PathInfoFormat.read(layout.storeDir(), Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
