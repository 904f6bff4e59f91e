package dev.sysbuild.generations.boot;

import dev.sysbuild.store.local.StoreLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Writes the boot loader's view of the generations under {@code R/boot}: one BLS entry per kept
 * generation plus {@code loader.conf} (systemd-boot), or {@code grub.cfg}; the kernels and initrds
 * they name; and removes entries and images no longer wanted.
 *
 * <p>Which entry is the default is said by the entries' sort keys ({@link EntryText#blsEntry}),
 * with {@code default sysbuild-*} in {@code loader.conf}: systemd-boot 252 cannot match a named
 * default against a counted entry, and would boot a named default whose tries are spent.
 *
 * <p>Order matters for a crash at any point: images are copied before any entry names them,
 * entries are removed before their images, and entries whose sort key changes are rewritten so
 * that the default is always a generation between the old default and the new one. Every entry
 * on disk names files that exist; running {@link #write} again finishes an interrupted one. The
 * caller holds the profile lock, so no two writers run at once.
 */
public final class BootEntries {
    private final StoreLayout layout;
    private final BootSettings settings;

    public BootEntries(StoreLayout layout, BootSettings settings) {
        this.layout = layout;
        this.settings = settings;
    }

    /** A kept generation with its images and rendered entry. */
    private record Prepared(BootGeneration generation, BootImage kernel, BootImage initrd, String text) {
        List<BootImage> images() {
            return initrd == null ? List.of(kernel) : List.of(kernel, initrd);
        }

        GrubConfig.Item item() {
            return new GrubConfig.Item(generation, kernel, initrd);
        }
    }

    /**
     * Makes the boot partition offer {@code generations} (those with a kernel; within the boot
     * default's {@code configurationLimit}) with {@code defaultGeneration} as the default. The
     * boot default's {@code loader} settings decide the loader, timeout and limit.
     *
     * @param current the generation running now, if known: never pruned
     * @return what was done; {@code written} is false, and nothing was touched, when the default
     *     has no kernel (see {@link #requireKernel})
     * @throws NotEnoughSpaceException with the figures, having changed nothing
     */
    public BootResult write(List<BootGeneration> generations, int defaultGeneration, OptionalInt current) throws IOException {
        BootGeneration def = generations.stream().filter(g -> g.number() == defaultGeneration).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the boot default " + defaultGeneration + " is not among the generations"));
        List<BootGeneration> newestFirst = new ArrayList<>(generations);
        newestFirst.sort(Comparator.comparingInt(BootGeneration::number).reversed());
        List<Integer> noKernel = newestFirst.stream().filter(g -> !g.hasKernel()).map(BootGeneration::number).toList();
        BootSpec.Loader loader = def.spec().loader();
        if (!def.hasKernel()) {
            return new BootResult(false, loader.type(), defaultGeneration, List.of(), noKernel, List.of(), List.of(), List.of(), List.of(), 0);
        }
        BootDir boot = new BootDir(layout.root());
        ImageNameCache names = ImageNameCache.load(layout.root());
        List<Prepared> prepared = prepare(newestFirst, defaultGeneration, names);
        List<KeepPlan.Candidate> candidates = new ArrayList<>();
        for (Prepared p : prepared) {
            long text = bytes(p.text()).length * (loader.isGrub() ? 2L : 1L);
            candidates.add(new KeepPlan.Candidate(p.generation().number(), p.images(), text));
        }
        Set<Integer> protect = new HashSet<>(List.of(defaultGeneration));
        current.ifPresent(protect::add);
        Map<String, Long> present = boot.images();
        long usable = settings.freeSpace().usableBytes(boot.existingAncestor());
        long fixed = EntryText.loaderConf(loader.timeout()).length();
        KeepPlan plan = KeepPlan.decide(candidates, protect, loader.configurationLimit(), present, usable, fixed, boot.dir);
        Set<Integer> keptNumbers = new HashSet<>();
        for (KeepPlan.Candidate c : plan.kept) keptNumbers.add(c.number());
        List<Prepared> kept = prepared.stream().filter(p -> keptNumbers.contains(p.generation().number())).toList();

        if (plan.freeFirst) freeFirst(boot, kept, loader, defaultGeneration, present.keySet());
        List<String> copied = copyMissing(boot, kept);
        if (loader.isGrub()) {
            writeGrub(boot, kept, defaultGeneration, loader.timeout());
            removeEntriesExcept(boot, Set.of());
        } else {
            writeEntries(boot, kept, defaultGeneration);
            DurableFiles.writeIfChanged(boot.loaderConf(), bytes(EntryText.loaderConf(loader.timeout())));
            removeEntriesExcept(boot, keptNumbers);
            if (boot.grubCfgIsOurs()) DurableFiles.delete(boot.grubCfg());
        }
        List<String> removed = removeImagesExcept(boot, imageNames(kept));
        for (Path leftover : boot.leftovers()) DurableFiles.delete(leftover);
        names.save();
        return new BootResult(true, loader.type(), defaultGeneration, new ArrayList<>(keptNumbers.stream().sorted(Comparator.reverseOrder()).toList()),
                noKernel, plan.overLimit, plan.prunedForSpace, copied, removed, plan.needed);
    }

    /**
     * Refuses a generation without a kernel as the boot default: {@code sysbuild boot} calls this
     * before changing anything. ({@code switch} and {@code test} activate such a generation and
     * only report that it got no entry.)
     */
    public static void requireKernel(BootGeneration g) {
        if (!g.hasKernel()) {
            throw new BootLoaderException("generation " + g.number() + " has no kernel (its boot.json has \"kernel\": null),"
                    + " so no boot entry can start it: set boot.kernel in the configuration to boot it, or use"
                    + " 'sysbuild switch' or 'sysbuild test' to activate it without a boot entry");
        }
    }

    /** How {@link #markGood} ended. */
    public enum GoodMark { MARKED, ALREADY_GOOD, NOT_COUNTED_BY_LOADER }

    /**
     * Ends boot counting for generation {@code n}: renames {@code sysbuild-N+L[-D].conf} to
     * {@code sysbuild-N.conf}, so systemd-boot neither counts it down nor sorts it last. Run once
     * the system is up ({@code sysbuild boot-ok}). With GRUB there is no counting and nothing to do.
     *
     * @throws BootLoaderException when generation {@code n} has no entry
     */
    public static GoodMark markGood(Path root, int n) throws IOException {
        BootDir boot = new BootDir(root);
        Optional<EntryName> entry = boot.entryOf(n);
        if (entry.isEmpty()) {
            if (boot.grubCfgIsOurs()) return GoodMark.NOT_COUNTED_BY_LOADER;
            throw new BootLoaderException("generation " + n + " has no boot entry in " + boot.entriesDir()
                    + ": nothing to mark good (was it deleted, or booted from another boot partition?)");
        }
        EntryName e = entry.get();
        if (!e.counted()) return GoodMark.ALREADY_GOOD;
        DurableFiles.rename(boot.entriesDir().resolve(e.fileName()), boot.entriesDir().resolve(e.good().fileName()));
        return GoodMark.MARKED;
    }

    /** Hashes each distinct kernel and initrd once and renders the entries. */
    private List<Prepared> prepare(List<BootGeneration> newestFirst, int defaultGeneration, ImageNameCache names) throws IOException {
        Map<Path, BootImage> hashed = new HashMap<>();
        List<Prepared> out = new ArrayList<>();
        for (BootGeneration g : newestFirst) {
            if (!g.hasKernel()) continue;
            BootImage kernel = image(hashed, names, g, g.spec().kernel(), BootImage.Kind.KERNEL);
            BootImage initrd = g.spec().initrd() == null ? null : image(hashed, names, g, g.spec().initrd(), BootImage.Kind.INITRD);
            out.add(new Prepared(g, kernel, initrd, EntryText.blsEntry(g, kernel, initrd, g.number() > defaultGeneration, settings)));
        }
        return out;
    }

    private BootImage image(Map<Path, BootImage> hashed, ImageNameCache names, BootGeneration g, String logical, BootImage.Kind kind)
            throws IOException {
        Path file;
        try {
            file = RootedPaths.resolve(layout, logical);
        } catch (NoSuchFileException e) {
            throw new BootLoaderException("generation " + g.number() + ": its " + kind.suffix + " " + logical + " is missing under "
                    + layout.root() + "; the store path must be present (check with 'sysbuild store verify')");
        }
        BootImage known = hashed.get(file);
        if (known != null) return known;
        BootImage made = names.image(file, kind);
        hashed.put(file, made);
        return made;
    }

    /** Makes room before copying: takes away what the kept entries do not use, entries first. */
    private void freeFirst(BootDir boot, List<Prepared> kept, BootSpec.Loader loader, int def, Set<String> present) throws IOException {
        if (loader.isGrub()) {
            // Until the new images are there, the menu may only offer entries whose images exist.
            List<GrubConfig.Item> ready = kept.stream().filter(p -> p.images().stream().allMatch(i -> present.contains(i.name())))
                    .map(Prepared::item).toList();
            if (!ready.isEmpty()) {
                int interimDefault = ready.stream().anyMatch(i -> i.generation().number() == def) ? def : ready.get(0).generation().number();
                DurableFiles.writeIfChanged(boot.grubCfg(), bytes(GrubConfig.render(ready, interimDefault, loader.timeout(), settings)));
            }
            removeEntriesExcept(boot, Set.of());
        } else {
            Set<Integer> keep = new HashSet<>();
            for (Prepared p : kept) keep.add(p.generation().number());
            removeEntriesExcept(boot, keep);
        }
        removeImagesExcept(boot, imageNames(kept));
    }

    private static List<String> copyMissing(BootDir boot, List<Prepared> kept) throws IOException {
        List<String> copied = new ArrayList<>();
        Set<String> present = boot.images().keySet();
        for (Prepared p : kept) {
            for (BootImage i : p.images()) {
                if (present.contains(i.name()) || copied.contains(i.name())) continue;
                DurableFiles.copy(i.source(), boot.imagesDir().resolve(i.name()));
                copied.add(i.name());
            }
        }
        return copied;
    }

    /**
     * Writes each kept entry under the name it has now, so its boot-counting state stays; new ones
     * get the full tries. A moved default changes the sort keys of the entries between the old
     * and the new one; they are written in the order that keeps the default, at every step, on a
     * generation between the two: those now newer than the default from the top down, then the
     * others from the bottom up.
     */
    private void writeEntries(BootDir boot, List<Prepared> kept, int defaultGeneration) throws IOException {
        Map<String, EntryName> existing = boot.entries();
        List<Prepared> order = new ArrayList<>(kept.stream().filter(p -> p.generation().number() > defaultGeneration).toList());
        List<Prepared> rest = new ArrayList<>(kept.stream().filter(p -> p.generation().number() <= defaultGeneration).toList());
        Collections.reverse(rest);
        order.addAll(rest);
        for (Prepared p : order) {
            int n = p.generation().number();
            EntryName name = BootDir.pick(existing.values(), n).orElse(EntryName.fresh(n, settings.initialTries()));
            DurableFiles.writeIfChanged(boot.entriesDir().resolve(name.fileName()), bytes(p.text()));
            for (Map.Entry<String, EntryName> e : existing.entrySet()) {
                if (e.getValue().generation() == n && !e.getKey().equals(name.fileName())) {
                    DurableFiles.delete(boot.entriesDir().resolve(e.getKey()));
                }
            }
        }
    }

    private void writeGrub(BootDir boot, List<Prepared> kept, int def, Integer timeout) throws IOException {
        String cfg = GrubConfig.render(kept.stream().map(Prepared::item).toList(), def, timeout, settings);
        DurableFiles.writeIfChanged(boot.grubCfg(), bytes(cfg));
    }

    private static void removeEntriesExcept(BootDir boot, Set<Integer> keep) throws IOException {
        for (Map.Entry<String, EntryName> e : boot.entries().entrySet()) {
            if (!keep.contains(e.getValue().generation())) DurableFiles.delete(boot.entriesDir().resolve(e.getKey()));
        }
    }

    private static List<String> removeImagesExcept(BootDir boot, Set<String> used) throws IOException {
        List<String> removed = new ArrayList<>();
        for (String name : boot.images().keySet()) {
            if (used.contains(name)) continue;
            DurableFiles.delete(boot.imagesDir().resolve(name));
            if (!BootImage.isLeftover(name)) removed.add(name);
        }
        return removed;
    }

    private static Set<String> imageNames(List<Prepared> kept) {
        Set<String> names = new HashSet<>();
        for (Prepared p : kept) for (BootImage i : p.images()) names.add(i.name());
        return names;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
