package dev.sysbuild.store.local;

import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Follows a chain of symlinks to the store path it ends in: a profile link
 * ({@code system -> system-3-link -> /sysbuild/store/<hash>-toplevel}), {@code R/run/current-system},
 * or an automatic GC root pointing at a {@code result} link that points into the store.
 *
 * <p>Links inside the root R hold logical paths, as they must on the booted machine; those are
 * resolved under R ({@link StoreLayout#physical(String)}). Links outside R (a {@code result} link
 * in a project directory) are host paths, and point at the store's physical place. A target that
 * names a store path in either form counts: when R is {@code /} they are the same, and keeping a
 * path one link too many is harmless where deleting a live one is not.
 */
public final class LinkChain {
    /** Linux gives up after 40 links (ELOOP); so do we. */
    private static final int MAX_LINKS = 40;

    /** Where a chain ends. */
    public enum Kind {
        /** In a store path that exists on disk. */
        STORE_PATH,
        /** Some link in the chain points at nothing (or at a store path that is gone). */
        DANGLING,
        /** At an existing file that is not in the store, or in a loop. */
        ELSEWHERE
    }

    /** The end of a chain: a store path only for {@link Kind#STORE_PATH}. */
    public record End(Kind kind, Optional<StorePath> path) {
        static final End DANGLING = new End(Kind.DANGLING, Optional.empty());
        static final End ELSEWHERE = new End(Kind.ELSEWHERE, Optional.empty());
    }

    private LinkChain() {}

    /**
     * Follows {@code start} (which need not be a link) to its end.
     *
     * @param logical whether absolute targets are logical paths under R (links inside R) or host
     *     paths (links outside R, and what they point at)
     */
    public static End follow(StoreLayout layout, Path start, boolean logical) throws IOException {
        Path current = start.toAbsolutePath().normalize();
        for (int i = 0; i <= MAX_LINKS; i++) {
            String target;
            try {
                target = Files.readSymbolicLink(current).toString();
            } catch (NotLinkException e) {
                return atFile(layout, current);
            } catch (NoSuchFileException e) {
                return End.DANGLING;
            }
            Optional<StorePath> named = storePathNamedBy(layout, target);
            if (named.isPresent()) {
                boolean exists = Files.exists(layout.physical(named.get()), LinkOption.NOFOLLOW_LINKS);
                return exists ? new End(Kind.STORE_PATH, named) : End.DANGLING;
            }
            if (!target.startsWith("/")) {
                current = current.getParent().resolve(target).normalize();
            } else if (!logical) {
                current = Path.of(target).normalize();
            } else {
                try {
                    current = layout.physical(target);
                } catch (IllegalArgumentException e) {
                    return End.ELSEWHERE; // a link inside R that leads out of R is not ours to follow
                }
            }
        }
        return End.ELSEWHERE;
    }

    /**
     * The store path an absolute link target names, logically ({@code /sysbuild/store/<hash>-x/...})
     * or physically ({@code R/sysbuild/store/<hash>-x/...}); empty for anything else.
     */
    static Optional<StorePath> storePathNamedBy(StoreLayout layout, String target) {
        for (String dir : new String[] {layout.storeDir().path(), layout.physicalStoreDir().toString()}) {
            if (target.length() > dir.length() + 1 && target.startsWith(dir) && target.charAt(dir.length()) == '/') {
                String rest = target.substring(dir.length() + 1);
                int slash = rest.indexOf('/');
                try {
                    return Optional.of(StorePath.parseBaseName(slash < 0 ? rest : rest.substring(0, slash)));
                } catch (InvalidStorePathException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The end of a chain at a file that is not a link: a store path if the file is in one. */
    private static End atFile(StoreLayout layout, Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return End.DANGLING;
        // The real path, so a host directory reached through a symlinked parent still matches.
        Path real = file.toRealPath();
        Path storeDir = layout.physicalStoreDir().toRealPath();
        if (!real.startsWith(storeDir) || real.equals(storeDir)) return End.ELSEWHERE;
        try {
            StorePath p = StorePath.parseBaseName(storeDir.relativize(real).getName(0).toString());
            return new End(Kind.STORE_PATH, Optional.of(p));
        } catch (InvalidStorePathException e) {
            return End.ELSEWHERE;
        }
    }
}
