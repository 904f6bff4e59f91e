package dev.sysbuild.generations.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which generations get an entry, decided before anything is written: the newest
 * {@code configurationLimit} plus the running generation and the boot default; then, if the
 * images that are not on the boot partition yet do not fit in its free space, the oldest entries
 * that may go are dropped until they do. Files the kept entries no longer use count as free
 * space, but only when they are removed before the copy ({@link #freeFirst}).
 */
final class KeepPlan {
    /** A generation that can have an entry: its images and the bytes of text its entry adds. */
    record Candidate(int number, List<BootImage> images, long textBytes) {}

    final List<Candidate> kept;
    final List<Integer> overLimit;
    final List<Integer> prunedForSpace;
    /** Remove what the kept entries do not use before copying, to make room. */
    final boolean freeFirst;
    /** Bytes the new images and texts need. */
    final long needed;

    private KeepPlan(List<Candidate> kept, List<Integer> overLimit, List<Integer> prunedForSpace, boolean freeFirst, long needed) {
        this.kept = List.copyOf(kept);
        this.overLimit = List.copyOf(overLimit);
        this.prunedForSpace = List.copyOf(prunedForSpace);
        this.freeFirst = freeFirst;
        this.needed = needed;
    }

    /**
     * @param newestFirst the generations with a kernel, newest (highest number) first
     * @param protectedNumbers the boot default and the running generation: never dropped
     * @param limit {@code configurationLimit}, or null for no limit
     * @param present our files on the boot partition now, name to size
     * @param usable free bytes on the boot partition
     * @param fixedBytes text written whatever is kept ({@code loader.conf})
     * @throws NotEnoughSpaceException when even the protected entries do not fit
     */
    static KeepPlan decide(List<Candidate> newestFirst, Set<Integer> protectedNumbers, Integer limit,
                           Map<String, Long> present, long usable, long fixedBytes, Path bootDir) {
        List<Candidate> kept = new ArrayList<>();
        List<Integer> overLimit = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Candidate c = newestFirst.get(i);
            if (limit == null || i < limit || protectedNumbers.contains(c.number())) kept.add(c);
            else overLimit.add(c.number());
        }
        List<Integer> pruned = new ArrayList<>();
        while (true) {
            long needed = fixedBytes + newBytes(kept, present);
            if (needed <= usable) return new KeepPlan(kept, overLimit, pruned, false, needed);
            long available = usable + freeableBytes(kept, present);
            if (needed <= available) return new KeepPlan(kept, overLimit, pruned, true, needed);
            Candidate oldest = null;
            for (Candidate c : kept) if (!protectedNumbers.contains(c.number())) oldest = c;
            if (oldest == null) throw new NotEnoughSpaceException(bootDir, needed, available);
            kept.remove(oldest);
            pruned.add(oldest.number());
        }
    }

    /** Image names the given entries use. */
    static Set<String> imageNames(List<Candidate> entries) {
        Set<String> names = new HashSet<>();
        for (Candidate c : entries) for (BootImage i : c.images()) names.add(i.name());
        return names;
    }

    private static long newBytes(List<Candidate> kept, Map<String, Long> present) {
        Map<String, Long> missing = new LinkedHashMap<>();
        long text = 0;
        for (Candidate c : kept) {
            text += c.textBytes();
            for (BootImage i : c.images()) if (!present.containsKey(i.name())) missing.put(i.name(), i.size());
        }
        return text + missing.values().stream().mapToLong(Long::longValue).sum();
    }

    private static long freeableBytes(List<Candidate> kept, Map<String, Long> present) {
        Set<String> used = imageNames(kept);
        long free = 0;
        for (Map.Entry<String, Long> e : present.entrySet()) if (!used.contains(e.getKey())) free += e.getValue();
        return free;
    }
}
