package dev.sysbuild.generations.boot;

import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The sysbuild files on a boot partition ({@code R/boot}), as they are now. */
final class BootDir {
    final Path dir;

    BootDir(Path root) {
        this.dir = root.resolve("boot");
    }

    Path entriesDir() {
        return dir.resolve("loader/entries");
    }

    Path loaderConf() {
        return dir.resolve("loader/loader.conf");
    }

    Path imagesDir() {
        return dir.resolve(BootImage.DIR);
    }

    Path grubCfg() {
        return dir.resolve("grub/grub.cfg");
    }

    /** Our BLS entries now present, by file name (sorted, so duplicates are handled the same way every time). */
    Map<String, EntryName> entries() throws IOException {
        Map<String, EntryName> found = new TreeMap<>();
        for (Path f : list(entriesDir())) {
            String name = f.getFileName().toString();
            EntryName.parse(name).ifPresent(e -> found.put(name, e));
        }
        return found;
    }

    /**
     * The entry file of generation {@code n}. Only a crash during {@link BootEntries#markGood}
     * racing a rewrite could leave two; the one marked good wins, as it is the one that booted.
     */
    Optional<EntryName> entryOf(int n) throws IOException {
        return pick(entries().values(), n);
    }

    /** {@link #entryOf} among entries already listed. */
    static Optional<EntryName> pick(java.util.Collection<EntryName> entries, int n) {
        EntryName best = null;
        for (EntryName e : entries) {
            if (e.generation() != n) continue;
            if (best == null || !e.counted()) best = e;
        }
        return Optional.ofNullable(best);
    }

    /** Our image files now present, name to size; leftovers of interrupted copies included. */
    Map<String, Long> images() throws IOException {
        Map<String, Long> found = new TreeMap<>();
        for (Path f : list(imagesDir())) {
            String name = f.getFileName().toString();
            if (BootImage.isOurs(name) && Files.isRegularFile(f)) found.put(name, Files.size(f));
        }
        return found;
    }

    /** Temporary files an interrupted write left in the directories we write. */
    List<Path> leftovers() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path d : List.of(entriesDir(), loaderConf().getParent(), grubCfg().getParent())) {
            for (Path f : list(d)) {
                String name = f.getFileName().toString();
                boolean ours = name.startsWith("sysbuild-") || name.startsWith("loader.conf") || name.startsWith("grub.cfg");
                if (ours && AtomicFile.isTemporary(name)) found.add(f);
            }
        }
        return found;
    }

    /** Whether {@code grub.cfg} is one we wrote (so we may remove it when the loader changes). */
    boolean grubCfgIsOurs() throws IOException {
        Path f = grubCfg();
        return Files.isRegularFile(f) && Files.readString(f).startsWith(EntryText.HEADER);
    }

    /** The nearest existing directory at or above the boot directory: where free space is measured. */
    Path existingAncestor() {
        Path p = dir;
        while (p != null && !Files.isDirectory(p)) p = p.getParent();
        return p;
    }

    private static List<Path> list(Path d) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(d)) return out;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
            for (Path p : s) out.add(p);
        }
        out.sort(null);
        return out;
    }
}
