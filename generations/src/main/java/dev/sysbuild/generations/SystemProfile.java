package dev.sysbuild.generations;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.local.AtomicFile;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system profile under a root: numbered generation links, the boot default and
 * {@code current-system}. Every change holds {@link ProfileLock}; every link is replaced by a
 * rename, so each change has one commit point and a crash leaves the old state or the new.
 */
public final class SystemProfile {
    private static final Pattern LINK = Pattern.compile("system-([0-9]{1,9})-link");

    private final ProfileLayout layout;
    private final Clock clock;
    private final CrashPoints crashPoints;

    public SystemProfile(ProfileLayout layout, Clock clock, CrashPoints crashPoints) {
        this.layout = layout;
        this.clock = clock;
        this.crashPoints = crashPoints;
    }

    public ProfileLayout layout() {
        return layout;
    }

    /** Every generation, oldest first. */
    public List<Generation> generations() throws IOException {
        List<Integer> numbers = new ArrayList<>();
        if (Files.isDirectory(layout.profilesDir())) {
            try (var entries = Files.newDirectoryStream(layout.profilesDir())) {
                for (Path p : entries) {
                    Matcher m = LINK.matcher(p.getFileName().toString());
                    if (m.matches()) numbers.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        numbers.sort(null);
        Map<Integer, GenerationIndex.Entry> index = numbers.size() > 1 ? GenerationIndex.read(layout) : Map.of();
        List<Generation> all = new ArrayList<>(numbers.size());
        for (int n : numbers) {
            GenerationIndex.Entry cached = index.get(n);
            Optional<String> target = cached == null ? Optional.empty() : Links.read(layout.generationLink(n));
            if (target.isPresent() && target.get().equals(cached.toplevel())) {
                all.add(new Generation(n, toplevelOf(target.get(), layout.generationLink(n)), cached.created(), cached.metadata()));
            } else {
                generation(n).ifPresent(all::add);
            }
        }
        return all;
    }

    /** Generation {@code n}, or empty if it does not exist. */
    public Optional<Generation> generation(int n) throws IOException {
        Path link = layout.generationLink(n);
        Optional<String> target = Links.read(link);
        if (target.isEmpty()) return Optional.empty();
        StorePath toplevel = toplevelOf(target.get(), link);
        Map<String, Object> meta = readMetadata(n);
        Instant created = meta.get("created") instanceof String s ? Instant.parse(s)
                : Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS).toInstant();
        return Optional.of(new Generation(n, toplevel, created, meta));
    }

    /** Generation {@code n}, or an error naming the generations that exist. */
    public Generation require(int n) throws IOException {
        Optional<Generation> g = generation(n);
        if (g.isPresent()) return g.get();
        List<Integer> have = generations().stream().map(Generation::number).toList();
        throw new GenerationsException("generation " + n + " does not exist (generations: "
                + (have.isEmpty() ? "none" : have.toString().replaceAll("[\\[\\]]", "")) + ")");
    }

    /** The number of the boot default ({@code profiles/system}), if there is one. */
    public OptionalInt bootDefault() throws IOException {
        Optional<String> t = Links.read(layout.bootDefaultLink());
        if (t.isEmpty()) return OptionalInt.empty();
        Matcher m = LINK.matcher(Path.of(t.get()).getFileName().toString());
        if (!m.matches()) {
            throw new GenerationsException(layout.bootDefaultLink() + " points to '" + t.get()
                    + "', not to a generation link; point it at one with 'sysbuild rollback --to N'");
        }
        return OptionalInt.of(Integer.parseInt(m.group(1)));
    }

    /** The toplevel active now ({@code run/current-system}), if any. */
    public Optional<StorePath> currentSystem() throws IOException {
        Optional<String> t = Links.read(layout.currentSystemLink());
        return t.isEmpty() ? Optional.empty() : Optional.of(toplevelOf(t.get(), layout.currentSystemLink()));
    }

    /** {@link #addGeneration(StorePath, Map)} without provenance. */
    public Optional<Generation> addGeneration(StorePath toplevel) throws IOException {
        return addGeneration(toplevel, Map.of());
    }

    /**
     * Records {@code toplevel} as a new generation, unless it is the boot default's toplevel
     * already ("no change": empty). Any other toplevel, even one an older generation has, gets a
     * new number, so history reads forward. The boot default is not changed. {@code provenance}
     * (e.g. the config commit) is stored in {@code system-N.json} beside the link.
     */
    public Optional<Generation> addGeneration(StorePath toplevel, Map<String, Object> provenance) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(layout)) {
            OptionalInt def = bootDefault();
            if (def.isPresent()) {
                Optional<Generation> d = generation(def.getAsInt());
                if (d.isPresent() && d.get().toplevel().equals(toplevel)) return Optional.empty();
            }
            int n = lastNumber() + 1;
            crashPoints.reach("profile");
            // The counter first: a crash after it only skips a number, and numbers never go back.
            AtomicFile.write(layout.counterFile(), (n + "\n").getBytes(StandardCharsets.UTF_8));
            Instant created = clock.instant();
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("generation", (long) n);
            meta.put("toplevel", layout.store().storeDir().print(toplevel));
            meta.put("created", created.toString());
            Map<String, Object> summary = GenerationSummary.of(new Toplevel(layout.store(), toplevel));
            if (!summary.isEmpty()) meta.put(GenerationSummary.KEY, summary);
            meta.putAll(provenance);
            AtomicFile.write(layout.metadataFile(n), Json.writePretty(meta).getBytes(StandardCharsets.UTF_8));
            // The commit point: the link makes the generation exist.
            Links.replace(layout.generationLink(n), layout.store().storeDir().print(toplevel));
            GenerationIndex.write(layout, generations());
            return generation(n);
        }
    }

    /** Makes generation {@code n} the boot default. */
    public void setBootDefault(int n) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(layout)) {
            require(n);
            crashPoints.reach("boot-default");
            Links.replace(layout.bootDefaultLink(), ProfileLayout.linkName(n));
        }
    }

    /** Points {@code current-system} at {@code toplevel}; activation calls this last, holding the lock. */
    public void setCurrentSystem(StorePath toplevel) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(layout)) {
            Links.replace(layout.currentSystemLink(), layout.store().storeDir().print(toplevel));
        }
    }

    /**
     * Deletes generations {@code numbers}: all of them, or none when one does not exist or is
     * the boot default or active now (its toplevel is {@code current-system}'s).
     */
    public void delete(Collection<Integer> numbers) throws IOException {
        try (ProfileLock lock = ProfileLock.acquire(layout)) {
            for (int n : new TreeSet<>(numbers)) {
                Generation g = require(n);
                if (isProtected(g)) {
                    throw new GenerationsException("generation " + n + " is " + protectedReason(g)
                            + "; it cannot be deleted (roll back or switch to another generation first)");
                }
            }
            for (int n : new TreeSet<>(numbers)) {
                Links.remove(layout.generationLink(n));
                Files.deleteIfExists(layout.metadataFile(n));
            }
            GenerationIndex.write(layout, generations());
        }
    }

    /**
     * The generation active now: the newest of {@code generations} whose toplevel is
     * {@code current-system}'s (several may share a toplevel), if any.
     */
    public Optional<Generation> activeGeneration(List<Generation> generations) throws IOException {
        Optional<StorePath> cur = currentSystem();
        if (cur.isEmpty()) return Optional.empty();
        for (int i = generations.size() - 1; i >= 0; i--) {
            if (generations.get(i).toplevel().equals(cur.get())) return Optional.of(generations.get(i));
        }
        return Optional.empty();
    }

    /** Whether {@code g} is the boot default or active now: never deleted. */
    public boolean isProtected(Generation g) throws IOException {
        return !protectedReason(g).isEmpty();
    }

    private String protectedReason(Generation g) throws IOException {
        OptionalInt def = bootDefault();
        if (def.isPresent() && def.getAsInt() == g.number()) return "the boot default";
        Optional<StorePath> cur = currentSystem();
        if (cur.isPresent() && cur.get().equals(g.toplevel())) return "the active system (current-system)";
        return "";
    }

    /** The highest number ever given out (links that exist, and the counter of deleted ones). */
    private int lastNumber() throws IOException {
        int max = 0;
        try {
            max = Integer.parseInt(Files.readString(layout.counterFile()).trim());
        } catch (NoSuchFileException e) {
            // no generation was ever made
        } catch (NumberFormatException e) {
            throw new GenerationsException(layout.counterFile() + " does not hold a generation number; "
                    + "write the highest generation number ever made into it");
        }
        for (Generation g : generations()) max = Math.max(max, g.number());
        return max;
    }

    private Map<String, Object> readMetadata(int n) throws IOException {
        try {
            return Json.parseObject(Files.readString(layout.metadataFile(n)));
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (RuntimeException e) {
            // A damaged metadata file must not hide the generation: the link is what counts.
            return Map.of();
        }
    }

    private StorePath toplevelOf(String target, Path link) {
        try {
            return layout.store().storeDir().parse(target);
        } catch (RuntimeException e) {
            throw new GenerationsException(link + " points to '" + target + "', which is not a store path in "
                    + layout.store().storeDir().path());
        }
    }
}
