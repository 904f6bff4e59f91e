package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The database of valid paths: a directory of info files, one per path, named by hash part. The
 * hash part alone names the file because it alone identifies a store object; the name inside the
 * file is checked against the one asked for, so {@code <hash>-foo} is not valid just because
 * {@code <hash>-bar} is.
 */
final class ValidPathDb {
    private final StoreLayout layout;
    private final InfoFilePool pool;

    ValidPathDb(StoreLayout layout) {
        this.layout = layout;
        this.pool = new InfoFilePool(layout);
    }

    /** Where collected paths' info files wait to be reused. */
    InfoFilePool pool() {
        return pool;
    }

    /** The info of {@code p}, or empty if it is not valid. One file read. */
    Optional<PathInfo> query(StorePath p) throws IOException {
        Path file = layout.infoFile(p);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        PathInfo info = PathInfoFormat.read(layout.storeDir(), text, file.toString());
        return info.path().equals(p) ? Optional.of(info) : Optional.empty();
    }

    /** The commit point of making a path valid: one atomic rename of its info file. */
    void register(PathInfo info) throws IOException {
        Files.createDirectories(layout.infoDir());
        pool.write(layout.infoFile(info.path()), PathInfoFormat.write(layout.storeDir(), info).getBytes(StandardCharsets.UTF_8));
    }

    /** Every valid path's info, in hash-part order; leftover temporary files do not count. */
    List<PathInfo> all() throws IOException {
        List<PathInfo> infos = new ArrayList<>();
        for (String h : hashParts()) {
            Path file = layout.infoDir().resolve(h);
            try {
                infos.add(PathInfoFormat.read(layout.storeDir(), Files.readString(file, StandardCharsets.UTF_8),
                        file.toString()));
            } catch (NoSuchFileException e) {
                // deleted since the listing: no longer valid
            }
        }
        return infos;
    }

    /** The hash parts that have an info file; cheaper than {@link #all()} when names are not needed. */
    SortedSet<String> hashParts() throws IOException {
        SortedSet<String> result = new TreeSet<>();
        if (!Files.isDirectory(layout.infoDir())) return result;
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(layout.infoDir())) {
            for (Path f : dir) {
                String name = f.getFileName().toString();
                if (name.length() == StorePath.HASH_LENGTH && !AtomicFile.isTemporary(name)) result.add(name);
            }
        }
        return result;
    }

    /**
     * {@link #hashParts()} unsorted, from the names alone ({@link java.io.File#list()}: no
     * {@code Path} per entry): a collection starts with this listing, whatever the store's size.
     */
    java.util.Set<String> hashPartSet() throws IOException {
        String[] names = layout.infoDir().toFile().list();
        if (names == null) {
            if (!Files.isDirectory(layout.infoDir())) return new java.util.HashSet<>();
            throw new IOException("cannot list '" + layout.infoDir() + "'");
        }
        java.util.Set<String> result = new java.util.HashSet<>(names.length * 2);
        for (String name : names) {
            if (name.length() == StorePath.HASH_LENGTH && !AtomicFile.isTemporary(name)) result.add(name);
        }
        return result;
    }

    /**
     * Deletes the {@code .tmp-} files unfinished writes left, of info files and of pending-sync
     * records ({@link PendingSyncs}); only safe when no writer runs.
     */
    int deleteTemporaryFiles() throws IOException {
        int n = 0;
        for (Path d : List.of(layout.infoDir(), PendingSyncs.dir(layout))) {
            if (!Files.isDirectory(d)) continue;
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(d)) {
                for (Path f : dir) {
                    if (AtomicFile.isTemporary(f.getFileName().toString()) && Files.deleteIfExists(f)) n++;
                }
            }
        }
        return n;
    }
}
