package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashFormat;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code store verify} checks: every info file reads, every valid path's object exists,
 * every reference of a valid path is valid, and, when asked, every object still hashes to its
 * recorded NAR hash. Every problem is reported, not only the first, so one run shows the whole
 * damage.
 */
final class StoreCheck {
    private StoreCheck() {}

    static List<String> run(StoreLayout layout, ValidPathDb db, boolean contents) throws IOException {
        List<String> problems = new ArrayList<>();
        List<PathInfo> infos = new ArrayList<>();
        for (String h : db.hashParts()) {
            Path file = layout.infoDir().resolve(h);
            try {
                infos.add(PathInfoFormat.read(layout.storeDir(), Files.readString(file, StandardCharsets.UTF_8),
                        file.toString()));
            } catch (NoSuchFileException e) {
                // collected since the listing
            } catch (CorruptDatabaseException e) {
                problems.add("damaged database entry: " + e.getMessage());
            }
        }
        Set<StorePath> valid = new HashSet<>();
        for (PathInfo info : infos) valid.add(info.path());
        for (PathInfo info : infos) {
            String shown = layout.storeDir().print(info.path());
            Path physical = layout.physical(info.path());
            if (!Files.exists(physical, LinkOption.NOFOLLOW_LINKS)) {
                problems.add("path '" + shown + "' disappeared, but it is still valid");
                continue;
            }
            for (StorePath ref : info.references()) {
                if (!valid.contains(ref)) {
                    problems.add("path '" + shown + "' references '" + layout.storeDir().print(ref)
                            + "', which is not valid");
                }
            }
            if (contents) {
                Hash actual = NarSummary.of(physical, List.of()).narHash();
                if (!actual.equals(info.narHash())) {
                    problems.add("path '" + shown + "' was modified! expected hash '"
                            + info.narHash().toPrefixed(HashFormat.NIX32) + "', got '"
                            + actual.toPrefixed(HashFormat.NIX32) + "'");
                }
            }
        }
        return problems;
    }
}
