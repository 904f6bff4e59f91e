package dev.sysbuild.store.local;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashFormat;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The text of an info file: one {@code key value} pair a line, full store paths, references one
 * a line, and a final {@code end} line so a file cut short (which the atomic rename should make
 * impossible) is reported as damaged instead of read as a path without references.
 *
 * <pre>
 * path /sysbuild/store/&lt;hash&gt;-hello
 * narHash sha256:&lt;nix32&gt;
 * narSize 1234
 * registered 1700000000
 * deriver /sysbuild/store/&lt;hash&gt;-hello.drv
 * ref /sysbuild/store/&lt;hash&gt;-glibc
 * end
 * </pre>
 */
final class PathInfoFormat {
    private PathInfoFormat() {}

    static String write(StoreDir storeDir, PathInfo info) {
        StringBuilder sb = new StringBuilder();
        sb.append("path ").append(storeDir.print(info.path())).append('\n');
        sb.append("narHash ").append(info.narHash().toPrefixed(HashFormat.NIX32)).append('\n');
        sb.append("narSize ").append(info.narSize()).append('\n');
        sb.append("registered ").append(info.registrationTime().getEpochSecond()).append('\n');
        info.deriver().ifPresent(d -> sb.append("deriver ").append(storeDir.print(d)).append('\n'));
        for (StorePath ref : info.references()) sb.append("ref ").append(storeDir.print(ref)).append('\n');
        sb.append("end\n");
        return sb.toString();
    }

    /** @throws CorruptDatabaseException naming {@code source} when the text is not an info file */
    static PathInfo read(StoreDir storeDir, String text, String source) {
        StorePath path = null;
        Hash narHash = null;
        long narSize = -1;
        Instant registered = null;
        StorePath deriver = null;
        SortedSet<StorePath> refs = new TreeSet<>();
        boolean ended = false;
        int lineNo = 0;
        try {
            for (String line : text.split("\n")) {
                lineNo++;
                if (ended) throw new IllegalArgumentException("text after 'end'");
                if (line.equals("end")) {
                    ended = true;
                    continue;
                }
                int space = line.indexOf(' ');
                if (space < 0) throw new IllegalArgumentException("expected 'key value'");
                String value = line.substring(space + 1);
                switch (line.substring(0, space)) {
                    case "path" -> path = storeDir.parse(value);
                    case "narHash" -> narHash = Hash.parseAny(value, HashAlgo.SHA256);
                    case "narSize" -> narSize = Long.parseLong(value);
                    case "registered" -> registered = Instant.ofEpochSecond(Long.parseLong(value));
                    case "deriver" -> deriver = storeDir.parse(value);
                    case "ref" -> refs.add(storeDir.parse(value));
                    default -> throw new IllegalArgumentException("unknown key '" + line.substring(0, space) + "'");
                }
            }
        } catch (IllegalArgumentException e) { // bad numbers, hashes and store paths all land here
            throw new CorruptDatabaseException(source + ":" + lineNo + ": " + e.getMessage());
        }
        if (!ended || path == null || narHash == null || narSize < 0 || registered == null) {
            throw new CorruptDatabaseException(source + ": incomplete info file (missing "
                    + (path == null ? "path" : narHash == null ? "narHash" : narSize < 0 ? "narSize"
                            : registered == null ? "registered" : "end") + ")");
        }
        return new PathInfo(path, narHash, narSize, refs, Optional.ofNullable(deriver), registered);
    }
}
