package dev.sysbuild.generations;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The closure size of toplevels (the sum of the NAR sizes of every path they reach), from the
 * store database. Generations share most of their closures, so each path's entry is read once
 * and kept for the next generation.
 */
public final class ClosureSizes {
    private final LocalStore store;
    private final Map<StorePath, Optional<PathInfo>> infos = new HashMap<>();

    public ClosureSizes(LocalStore store) {
        this.store = store;
    }

    /** The closure size of {@code top}, or empty if a path of its closure is not registered. */
    public OptionalLong of(StorePath top) throws IOException {
        Set<StorePath> seen = new HashSet<>();
        ArrayDeque<StorePath> todo = new ArrayDeque<>();
        todo.add(top);
        seen.add(top);
        long sum = 0;
        while (!todo.isEmpty()) {
            StorePath p = todo.poll();
            Optional<PathInfo> info = infos.get(p);
            if (info == null) {
                info = store.queryPathInfo(p);
                infos.put(p, info);
            }
            if (info.isEmpty()) return OptionalLong.empty();
            sum += info.get().narSize();
            for (StorePath r : info.get().references()) if (seen.add(r)) todo.add(r);
        }
        return OptionalLong.of(sum);
    }

    /** {@code 12.3 MiB}. */
    public static String human(long bytes) {
        if (bytes < 1024) return bytes + " B";
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
