package dev.sysbuild.store.local;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Makes unregistering the dead paths of a collection all-or-nothing across a crash, at the cost
 * of three fsyncs however many paths die. Without it, the info files would have to go referrers
 * first with the directory forced to disk after each layer (or a crash could leave a valid path
 * whose reference is gone); forcing the directory between batches of unlinks made each unlink
 * wait for the write-back of the blocks it touches, and 100,000 unlinks took minutes.
 *
 * <p>Before the first info file goes, the list of dead paths (their hash parts) is written durably to
 * {@code db/gc-journal}; after the last, the info directory is forced and the journal removed
 * (durably too: a stale journal must not unregister a path added again later). Opening the store
 * finishes a journal a crash left behind, before anything reads the database.
 */
final class GcJournal {
    private GcJournal() {}

    static Path file(StoreLayout layout) {
        return layout.dbDir().resolve("gc-journal");
    }

    /**
     * The commit point of a collection: from here on, every path whose hash part is in {@code dead}
     * is going. Hash parts, not names: the collector does not read dead paths' info files, and a
     * hash part names one store object (its info file is named by it).
     */
    static void begin(StoreLayout layout, Collection<String> dead) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String h : dead) sb.append(h).append('\n');
        sb.append("end\n");
        AtomicFile.write(file(layout), sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** After every info file of the journal is gone: forces that, then drops the journal. */
    static void finish(StoreLayout layout) throws IOException {
        AtomicFile.syncDirectory(layout.infoDir());
        Files.deleteIfExists(file(layout));
        AtomicFile.syncDirectory(layout.dbDir());
    }

    /** Finishes a collection a crash interrupted; nothing to do without a journal (one stat). */
    static void recover(StoreLayout layout) throws IOException {
        Path journal = file(layout);
        if (!Files.exists(journal, LinkOption.NOFOLLOW_LINKS)) return;
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        if (!text.endsWith("end\n")) {
            // AtomicFile never leaves a partial journal; a damaged one must not guess at what to delete.
            throw new CorruptDatabaseException(journal + ": unfinished garbage collection journal is damaged;"
                    + " remove it and run 'sysbuild store verify'");
        }
        for (String line : text.split("\n")) {
            if (line.equals("end")) break;
            if (line.length() == StorePath.HASH_LENGTH) {
                // Parsed as a store path first, so a damaged line cannot name any other file.
                Files.deleteIfExists(layout.infoDir().resolve(StorePath.parseBaseName(line + "-x").hashPart()));
                continue;
            }
            // A journal of base names (written before journals held hash parts): only the info file
            // of exactly this path.
            Path info = layout.infoFile(StorePath.parseBaseName(line));
            if (Files.exists(info) && Files.readString(info, StandardCharsets.UTF_8)
                    .startsWith("path " + layout.storeDir().path() + "/" + line + "\n")) {
                Files.delete(info);
            }
        }
        finish(layout);
    }
}
