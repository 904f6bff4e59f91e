package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a group of new text paths valid ({@link LocalStore#addTextsToStore}) with the disk flushes
 * shared, keeping every guarantee of adding them one by one. One by one, each costs four flushes in
 * a row (its file, the store directory, its info file, the info directory), and a chain of
 * {@code .drv} files (each referencing the one before) is as long as the chain of builds it
 * describes. Here:
 *
 * <ol>
 *   <li>every file and every info file (under a temporary name) is written, then all are forced
 *       to disk at once, on several threads;
 *   <li>the files are renamed into place and the store directory is forced once;
 *   <li>the info files are renamed into place a layer at a time (a path's layer comes after the
 *       layers of the paths of the group it references), the info directory forced after each.
 * </ol>
 *
 * A path becomes valid when its info file's rename reaches the disk; by then its file is on disk,
 * and so are the info files of its references (an earlier layer's flush), so a crash at any point
 * leaves valid paths with valid references, and the rest as unregistered garbage. The caller holds
 * the shared global lock and every path's lock, and has checked the references outside the group.
 */
final class TextBatch {
    /** One path of the group: its info (what is registered) and its contents. */
    record Item(PathInfo info, byte[] contents) {}

    private final StoreLayout layout;
    private final Path temp;
    private final Runnable beforeRegister;
    private final InfoFilePool pool;

    /**
     * {@code temp}: an empty staging directory in the store; {@code beforeRegister} runs before each
     * rename of an info file; info files are written in {@code pool}'s files where it has some.
     */
    TextBatch(StoreLayout layout, Path temp, Runnable beforeRegister, InfoFilePool pool) {
        this.layout = layout;
        this.temp = temp;
        this.beforeRegister = beforeRegister;
        this.pool = pool;
    }

    /** Commits {@code items}, calling {@code registered} for each path once valid. */
    void commit(List<Item> items, PathConsumer registered) throws IOException {
        List<PathInfo> infos = new ArrayList<>();
        Map<StorePath, Item> byPath = new HashMap<>();
        for (Item i : items) {
            infos.add(i.info());
            byPath.put(i.info().path(), i);
        }
        List<PathInfo> ordered = ReferenceOrder.dependenciesFirst(infos);
        Map<StorePath, Path> staged = new HashMap<>();
        Map<StorePath, Path> infoTemps = new HashMap<>();
        try {
            List<Path> toForce = new ArrayList<>();
            int n = 0;
            for (PathInfo info : ordered) {
                Path f = temp.resolve(Integer.toString(n++));
                Files.write(f, byPath.get(info.path()).contents());
                Canonicaliser.canonicalise(f);
                staged.put(info.path(), f);
                Path t = pool.writeTemporary(layout.infoFile(info.path()),
                        PathInfoFormat.write(layout.storeDir(), info).getBytes(StandardCharsets.UTF_8));
                infoTemps.put(info.path(), t);
                toForce.add(f);
                toForce.add(t);
            }
            TreeSync.forceAll(toForce);
            for (PathInfo info : ordered) {
                Path target = layout.physical(info.path());
                // We hold the path's lock and it is not valid, so whatever is there is a crashed attempt's.
                FileTrees.deleteRecursively(target);
                Files.move(staged.remove(info.path()), target, StandardCopyOption.ATOMIC_MOVE);
            }
            AtomicFile.syncDirectory(layout.physicalStoreDir());
            for (List<PathInfo> layer : layers(ordered)) {
                for (PathInfo info : layer) {
                    beforeRegister.run();
                    AtomicFile.rename(infoTemps.remove(info.path()), layout.infoFile(info.path()));
                }
                AtomicFile.syncDirectory(layout.infoDir());
                for (PathInfo info : layer) registered.accept(info.path());
            }
        } finally {
            for (Path t : infoTemps.values()) Files.deleteIfExists(t);
        }
    }

    /** Told of each path as it becomes valid. */
    @FunctionalInterface
    interface PathConsumer {
        void accept(StorePath p) throws IOException;
    }

    /** {@code ordered} (references first) cut into layers: each path one layer after the latest of its references in the group. */
    static List<List<PathInfo>> layers(List<PathInfo> ordered) {
        Map<StorePath, Integer> layerOf = new HashMap<>();
        List<List<PathInfo>> layers = new ArrayList<>();
        for (PathInfo info : ordered) {
            int layer = 0;
            for (StorePath ref : info.references()) {
                Integer l = ref.equals(info.path()) ? null : layerOf.get(ref);
                if (l != null) layer = Math.max(layer, l + 1);
            }
            layerOf.put(info.path(), layer);
            while (layers.size() <= layer) layers.add(new ArrayList<>());
            layers.get(layer).add(info);
        }
        return layers;
    }
}
