package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.Links;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code /etc} steps: {@code /etc/static} and the managed entries. Each call brings
 * {@code /etc} to the wanted state from whatever state it finds (the manifest tells ours from
 * the user's), so running it again after a crash, or with the previous generation to undo a
 * failed switch, converges.
 */
final class EtcActivation {
    /** The files the users step writes; never {@code etc.json} entries. */
    static final List<String> GENERATED = List.of("group", "gshadow", "passwd", "shadow");
    static final String BACKUP_SUFFIX = ".sysbuild-backup";

    private final ProfileLayout layout;
    private final Consumer<String> warn;
    private final CrashPoints crashPoints;

    EtcActivation(ProfileLayout layout, Consumer<String> warn, CrashPoints crashPoints) {
        this.layout = layout;
        this.warn = warn;
        this.crashPoints = crashPoints;
    }

    /** Points {@code /etc/static} at {@code etcDir} (logical), or removes it. */
    void swapStatic(Optional<String> etcDir) throws IOException {
        Path link = layout.etcDir().resolve("static");
        Files.createDirectories(layout.etcDir());
        if (etcDir.isEmpty()) {
            if (Files.isSymbolicLink(link)) Links.remove(link);
            return;
        }
        if (Links.exists(link) && !Files.isSymbolicLink(link)) moveAside("static");
        Links.replace(link, etcDir.get());
    }

    /** Installs {@code desired} (and claims the generated files), then removes what is no longer wanted. */
    void apply(Collection<DesiredEtc> desired) throws IOException {
        EtcManifest old = EtcManifest.read(layout.etcManifest());
        Map<String, EtcManifest.Managed> wanted = new HashMap<>();
        for (DesiredEtc d : desired) wanted.put(d.target(), d.managed());
        for (String g : GENERATED) {
            wanted.put(g, new EtcManifest.Managed(EtcManifest.Managed.GENERATED, java.util.Set.of()));
            // Copied aside before the manifest claims it: once claimed, the users step overwrites it.
            Path p = layout.etcDir().resolve(g);
            if (!old.manages(g) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                Path backup = freeBackupName(g);
                AtomicFile.write(backup, Files.readAllBytes(p));
                warn.accept("/etc/" + g + " was not made by sysbuild; copied it to /etc/" + backup.getFileName()
                        + " before replacing it");
            }
        }
        EtcManifest next = new EtcManifest(wanted);
        EtcManifest union = old.union(next);
        if (!union.equals(old)) union.write(layout.etcManifest());
        for (DesiredEtc d : desired) install(d, union);
        crashPoints.reach("etc-midway");
        for (var e : old.entries().entrySet()) {
            if (!next.manages(e.getKey())) removeIfOurs(e.getKey(), union.get(e.getKey()));
        }
        if (!next.equals(union) || !union.equals(old)) next.write(layout.etcManifest());
    }

    /** What {@link #apply} would do, one line per change, for a dry run. */
    List<String> preview(Collection<DesiredEtc> desired) throws IOException {
        EtcManifest old = EtcManifest.read(layout.etcManifest());
        List<String> out = new ArrayList<>();
        java.util.Set<String> targets = new java.util.HashSet<>();
        for (DesiredEtc d : desired) {
            targets.add(d.target());
            Path p = layout.etcDir().resolve(d.target());
            if (!Links.exists(p)) out.add("add     /etc/" + d.target());
            else if (!isOurs(d.target(), old.get(d.target()))) out.add("move aside /etc/" + d.target() + " (not made by sysbuild) and add it");
            else if (d.link() ? !isStaticLink(d.target()) : !OwnedFile.matches(p, d.contents(), d.mode(), d.uid(), d.gid())) {
                out.add("update  /etc/" + d.target());
            }
        }
        for (String t : old.entries().keySet()) {
            if (!targets.contains(t) && !GENERATED.contains(t) && Links.exists(layout.etcDir().resolve(t))) {
                out.add("remove  /etc/" + t);
            }
        }
        return out;
    }

    private void install(DesiredEtc d, EtcManifest union) throws IOException {
        ensureParents(d.target(), union);
        Path p = layout.etcDir().resolve(d.target());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) removeOwnDirectory(d.target(), union);
        if (d.link()) {
            if (isStaticLink(d.target())) return;
            if (Links.exists(p) && !isOurs(d.target(), union.get(d.target()))) moveAside(d.target());
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) moveAside(d.target());
            Links.replace(p, "/etc/static/" + d.target());
        } else {
            if (OwnedFile.matches(p, d.contents(), d.mode(), d.uid(), d.gid())) return;
            if (Links.exists(p) && (!isOurs(d.target(), union.get(d.target()))
                    || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
                moveAside(d.target());
            }
            OwnedFile.write(p, d.contents(), d.mode(), d.uid(), d.gid(), warn);
        }
    }

    /** Every directory above {@code target} must be a real directory, not a link leading off the root. */
    private void ensureParents(String target, EtcManifest union) throws IOException {
        String[] parts = target.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (i > 0) prefix.append('/');
            prefix.append(parts[i]);
            Path p = layout.etcDir().resolve(prefix.toString());
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
            if (Links.exists(p)) {
                if (isOurs(prefix.toString(), union.get(prefix.toString()))) Links.remove(p);
                else moveAside(prefix.toString());
            }
            Files.createDirectories(p);
        }
    }

    /**
     * A directory where an entry must go (an older generation had entries below it): removes
     * what is ours inside it, and it if that leaves it empty; anything else is moved aside later.
     */
    private void removeOwnDirectory(String target, EtcManifest union) throws IOException {
        String prefix = target + "/";
        List<String> below = union.entries().keySet().stream().filter(t -> t.startsWith(prefix)).toList();
        for (int i = below.size() - 1; i >= 0; i--) {
            String t = below.get(i);
            Path q = layout.etcDir().resolve(t);
            if (Links.exists(q) && !Files.isDirectory(q, LinkOption.NOFOLLOW_LINKS) && isOurs(t, union.get(t))) Links.remove(q);
        }
        deleteEmptyDirectories(layout.etcDir().resolve(target));
    }

    /** Deletes {@code dir} and the directories below it that hold nothing else; stops at anything else. */
    private static void deleteEmptyDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (var entries = Files.list(dir)) {
            for (Path q : entries.toList()) deleteEmptyDirectories(q);
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) Files.delete(dir);
        }
    }

    private void removeIfOurs(String target, EtcManifest.Managed managed) throws IOException {
        if (managed.kind().equals(EtcManifest.Managed.GENERATED)) return;
        Path p = layout.etcDir().resolve(target);
        // A directory here holds newer entries (ensureParents made it); it is not the old entry.
        if (!Links.exists(p) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return;
        if (isOurs(target, managed)) {
            Links.remove(p);
        } else {
            warn.accept("/etc/" + target + " is no longer managed, but it was changed by hand; left it in place");
        }
    }

    /** Whether what is at {@code /etc/target} is something activation put there. */
    private boolean isOurs(String target, EtcManifest.Managed managed) throws IOException {
        if (managed == null) return false;
        if (managed.kind().equals(EtcManifest.Managed.GENERATED)) return true;
        if (isStaticLink(target)) return true;
        Path p = layout.etcDir().resolve(target);
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !managed.sha256().isEmpty()
                && managed.sha256().contains(Sha256.of(Files.readAllBytes(p)));
    }

    private boolean isStaticLink(String target) throws IOException {
        return Links.read(layout.etcDir().resolve(target)).map(t -> t.equals("/etc/static/" + target)).orElse(false);
    }

    /** Renames a user's file out of the way, to a name not in use; it is never deleted. */
    private void moveAside(String target) throws IOException {
        Path backup = freeBackupName(target);
        Files.move(layout.etcDir().resolve(target), backup, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Links.syncDirectory(backup.getParent());
        warn.accept("/etc/" + target + " was not made by sysbuild; moved it to /etc/"
                + layout.etcDir().relativize(backup) + " to put the managed one in its place");
    }

    private Path freeBackupName(String target) {
        Path p = layout.etcDir().resolve(target + BACKUP_SUFFIX);
        for (int i = 1; Links.exists(p); i++) p = layout.etcDir().resolve(target + BACKUP_SUFFIX + "-" + i);
        return p;
    }
}
