package dev.sysbuild.generations;

import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The directory a generation's {@code init} ran from, as {@code sysbuild activate DIR} gets it:
 * the generation link the boot entry names ({@code /sysbuild/var/profiles/system-N-link}), or a
 * toplevel itself. The boot loader may have started an older entry than the boot default (chosen
 * in its menu, or after boot counting gave up on the newer one), so this, not the boot default,
 * is what must be activated.
 *
 * @param toplevel   the toplevel DIR leads to
 * @param generation the generation when DIR is a generation link of the profile
 */
public record SystemDirectory(StorePath toplevel, OptionalInt generation) {
    private static final Pattern LINK = Pattern.compile("system-([1-9][0-9]{0,8})-link");

    /**
     * Resolves {@code dir}, a path on the target (as {@code init} sees it), under the profile's
     * root the way the booted machine would. An absolute path that already lies under a root
     * other than {@code /} is taken as that path inside the root, so both spellings work.
     */
    public static SystemDirectory resolve(SystemProfile profile, String dir) throws IOException {
        ProfileLayout layout = profile.layout();
        String logical = logical(layout.root(), dir);
        Path resolved = TargetPaths.resolve(layout.store(), logical);
        String target = TargetPaths.logicalOf(layout.store(), resolved);
        StorePath toplevel;
        try {
            toplevel = layout.store().storeDir().parse(target);
        } catch (RuntimeException e) {
            throw new GenerationsException(dir + " is not a generation: it leads to " + target
                    + ", which is not a toplevel in " + layout.store().storeDir().path()
                    + "; give a generation link (/sysbuild/var/profiles/system-N-link) or a toplevel store path");
        }
        if (!Files.isDirectory(resolved)) {
            throw new GenerationsException(dir + " leads to " + target + ", which is not in the store under "
                    + layout.root() + " (was it deleted by gc?); pick another generation");
        }
        return new SystemDirectory(toplevel, generationOf(profile, logical, toplevel));
    }

    /** {@code dir} as a logical path: absolute on the target, with a root prefix dropped. */
    private static String logical(Path root, String dir) {
        Path p = Path.of(dir);
        if (!p.isAbsolute()) p = p.toAbsolutePath();
        Path r = root.toAbsolutePath().normalize();
        p = p.normalize();
        if (r.getNameCount() > 0 && p.startsWith(r)) return "/" + r.relativize(p);
        return p.toString();
    }

    /** The generation whose link {@code logical} is, checked against the toplevel it leads to. */
    private static OptionalInt generationOf(SystemProfile profile, String logical, StorePath toplevel) throws IOException {
        Path p = Path.of(logical);
        if (p.getFileName() == null || p.getParent() == null) return OptionalInt.empty();
        Matcher m = LINK.matcher(p.getFileName().toString());
        if (!m.matches()) return OptionalInt.empty();
        Path parent = TargetPaths.resolve(profile.layout().store(), p.getParent().toString());
        if (!Files.isDirectory(parent) || !Files.isDirectory(profile.layout().profilesDir())
                || !Files.isSameFile(parent, profile.layout().profilesDir())) return OptionalInt.empty();
        int n = Integer.parseInt(m.group(1));
        return profile.generation(n).filter(g -> g.toplevel().equals(toplevel)).isPresent()
                ? OptionalInt.of(n) : OptionalInt.empty();
    }
}
