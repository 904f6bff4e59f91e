package dev.sysbuild.generations;

import dev.sysbuild.store.local.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Follows a logical path under the root as the booted machine would: every symlink on the way
 * (whose targets are logical, {@code /etc/static/...}, {@code /sysbuild/store/...}) is resolved
 * again under the root through {@link StoreLayout#physical(String)}, never on the host.
 */
public final class TargetPaths {
    private static final int MAX_LINKS = 40;

    private TargetPaths() {}

    /**
     * Where {@code logical} ends up under the root after following every link; the last
     * component need not exist.
     */
    public static Path resolve(StoreLayout layout, String logical) throws IOException {
        return resolve(layout, logical, new int[] {0});
    }

    private static Path resolve(StoreLayout layout, String logical, int[] hops) throws IOException {
        Path root = layout.root();
        Path at = root;
        String[] parts = logical.split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) {
                if (!at.equals(root)) at = at.getParent();
                continue;
            }
            Path next = at.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++hops[0] > MAX_LINKS) throw new IOException("too many levels of symbolic links at " + next);
                String target = Files.readSymbolicLink(next).toString();
                String base = target.startsWith("/") ? target : logicalOf(layout, at) + "/" + target;
                StringBuilder rest = new StringBuilder(base);
                for (int j = i + 1; j < parts.length; j++) rest.append('/').append(parts[j]);
                return resolve(layout, rest.toString(), hops);
            }
            at = next;
        }
        return at;
    }

    /** The logical path of a physical path under the root. */
    public static String logicalOf(StoreLayout layout, Path physical) {
        Path rel = layout.root().relativize(physical);
        return "/" + rel.toString();
    }
}
