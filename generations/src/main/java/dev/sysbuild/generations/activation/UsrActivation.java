package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.generations.Links;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.generations.Toplevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The merged-/usr step: {@code R/usr} is a link to the active generation's {@code sw/usr} (a
 * logical store path, so it holds across reboots before activation runs), and {@code R/bin},
 * {@code R/sbin}, {@code R/lib}, {@code R/lib64} (and {@code lib32}, {@code libx32} when the
 * packages have them) are the usual links {@code usr/bin} etc. Each link is replaced by a rename,
 * so a crash leaves the old or the new one. A generation without {@code sw/usr} (no Debian
 * packages) leaves {@code /usr} to the host, removing only a link of ours.
 *
 * <p>A real directory at {@code R/usr} (or {@code R/bin}, ...), or a link there that sysbuild did
 * not make, is never deleted or moved: the plan is refused with what to do, because moving
 * {@code /usr} of a running system away would break every program on it.
 */
final class UsrActivation {
    static final List<String> LINKS = List.of("bin", "sbin", "lib", "lib64");
    static final List<String> OPTIONAL_LINKS = List.of("lib32", "libx32");

    private final ProfileLayout layout;

    UsrActivation(ProfileLayout layout) {
        this.layout = layout;
    }

    /** What {@code /usr} should point to for {@code t}: its {@code sw/usr}, if it has one. */
    Optional<String> wanted(Toplevel t) throws IOException {
        String usr = t.logical() + "/sw/usr";
        return Files.isDirectory(TargetPaths.resolve(layout.store(), usr)) ? Optional.of(usr) : Optional.empty();
    }

    /** Refuses, before anything changes, when a link would have to replace something not ours. */
    void check(Optional<String> usr) throws IOException {
        if (usr.isEmpty()) return;
        Path p = root("usr");
        if (Links.exists(p) && !isOurUsr(p)) {
            throw new GenerationsException(p + " is " + (Files.isSymbolicLink(p) ? "a link to '" + Links.read(p).get() + "'"
                    : "a real directory") + " that sysbuild did not make, and this generation has Debian packages: their"
                    + " /usr is a link to the generation's sw/usr. sysbuild never deletes or moves an existing /usr; on a"
                    + " new root leave it absent, or move it away yourself (from a rescue system, not the running one)");
        }
        for (String name : names(usr.get())) {
            Path q = root(name);
            if (Links.exists(q) && !isOurLink(q, name)) {
                throw new GenerationsException(q + " is " + (Files.isSymbolicLink(q) ? "a link to '" + Links.read(q).get() + "'"
                        : "a real directory or file") + ", but with the merged /usr it must be the link 'usr/" + name
                        + "'. sysbuild does not delete or move it; move it away yourself and activate again");
            }
        }
    }

    /** Points {@code /usr} at {@code usr} (and makes the top-level links), or removes our {@code /usr}. */
    void apply(Optional<String> usr) throws IOException {
        Path p = root("usr");
        if (usr.isEmpty()) {
            if (isOurUsr(p)) Links.remove(p);
            return;
        }
        check(usr);
        Links.replace(p, usr.get());
        List<String> names = names(usr.get());
        for (String name : names) Links.replace(root(name), "usr/" + name);
        for (String name : OPTIONAL_LINKS) {
            // lib32 of an earlier generation would dangle now.
            if (!names.contains(name) && isOurLink(root(name), name)) Links.remove(root(name));
        }
    }

    /** What {@link #apply} would change, for a dry run. */
    List<String> preview(Optional<String> usr) throws IOException {
        List<String> out = new ArrayList<>();
        Optional<String> now = Links.read(root("usr"));
        if (usr.isEmpty()) {
            if (isOurUsr(root("usr"))) out.add("remove  /usr (this generation has no Debian packages)");
            return out;
        }
        if (!now.equals(usr)) out.add("link    /usr -> " + usr.get());
        for (String name : names(usr.get())) {
            if (!isOurLink(root(name), name)) out.add("link    /" + name + " -> usr/" + name);
        }
        return out;
    }

    private List<String> names(String usr) throws IOException {
        List<String> names = new ArrayList<>(LINKS);
        for (String o : OPTIONAL_LINKS) {
            if (Files.isDirectory(TargetPaths.resolve(layout.store(), usr + "/" + o))) names.add(o);
        }
        return names;
    }

    private boolean isOurUsr(Path p) throws IOException {
        return Links.read(p).map(t -> t.startsWith(layout.store().storeDir().path() + "/")).orElse(false);
    }

    private static boolean isOurLink(Path p, String name) throws IOException {
        return Links.read(p).map(t -> t.equals("usr/" + name) || t.equals("/usr/" + name)).orElse(false);
    }

    private Path root(String name) {
        return layout.root().resolve(name);
    }
}
