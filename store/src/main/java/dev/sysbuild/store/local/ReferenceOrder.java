package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Orders the outputs of one build so that each comes after the outputs it references. Registering
 * in that order keeps the database's invariant (every valid path's references are valid) after
 * every single commit, so a crash part-way through a build's outputs never leaves a valid path
 * with a dangling reference. A cycle between outputs is refused, as Nix refuses it: no order
 * could register such outputs one at a time. A path referencing itself is fine.
 */
final class ReferenceOrder {
    private ReferenceOrder() {}

    static List<PathInfo> dependenciesFirst(Collection<PathInfo> infos) throws IOException {
        Map<StorePath, PathInfo> byPath = new TreeMap<>();
        for (PathInfo i : infos) byPath.put(i.path(), i);
        List<PathInfo> ordered = new ArrayList<>();
        Set<StorePath> done = new HashSet<>();
        for (PathInfo i : byPath.values()) visit(i, byPath, done, new HashSet<>(), ordered);
        return ordered;
    }

    private static void visit(PathInfo info, Map<StorePath, PathInfo> byPath, Set<StorePath> done,
            Set<StorePath> onStack, List<PathInfo> ordered) throws IOException {
        if (done.contains(info.path())) return;
        onStack.add(info.path());
        for (StorePath ref : info.references()) {
            if (ref.equals(info.path()) || !byPath.containsKey(ref)) continue;
            if (onStack.contains(ref)) {
                throw new IOException("cycle detected in the references of '" + ref + "' from '" + info.path()
                        + "'; outputs of one build may not reference each other both ways");
            }
            visit(byPath.get(ref), byPath, done, onStack, ordered);
        }
        onStack.remove(info.path());
        done.add(info.path());
        ordered.add(info);
    }
}
