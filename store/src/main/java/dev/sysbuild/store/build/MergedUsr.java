package dev.sysbuild.store.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's merged-/usr layout applied to an unpacked package: its top-level {@code bin},
 * {@code sbin}, {@code lib}, {@code lib32}, {@code lib64} and {@code libx32} move under
 * {@code usr/}, because on the target those names are links into {@code /usr} that activation
 * owns. A path shipped in both places is an error (with the links they would be one file).
 *
 * <p>Relative symlinks keep meaning what they meant where dpkg would have put them: a link is
 * rewritten when it moved or its target moved, and a link whose target is not in this package
 * (typically a file of a package it depends on) becomes the absolute path it names on the
 * installed system, so it resolves through the target's {@code /usr} instead of dangling inside
 * this store path. Absolute links are kept as they are.
 */
final class MergedUsr {
    static final List<String> TOP_LEVEL = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private final Path out;
    private final String what;
    /** Links that moved: new path (relative to {@code out}) to where the archive put them. */
    private final Map<String, String> movedLinks = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private MergedUsr(Path out, String what) {
        this.out = out;
        this.what = what;
    }

    /** Applies the layout to {@code out}; returns what it did worth a log line. */
    static List<String> apply(Path out, String what) throws IOException, BuildException {
        MergedUsr m = new MergedUsr(out, what);
        if (Files.isSymbolicLink(out.resolve("usr"))) {
            // /usr on the target is the generation's sw/usr; a package's link there would loop back to it.
            throw m.fail("/usr is a symlink to '" + Files.readSymbolicLink(out.resolve("usr")) + "'");
        }
        for (String top : TOP_LEVEL) m.moveUnderUsr(top);
        m.fixRelativeLinks();
        return m.notes;
    }

    private void moveUnderUsr(String top) throws IOException, BuildException {
        Path from = out.resolve(top);
        if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.isSymbolicLink(from)) {
            String t = Files.readSymbolicLink(from).toString();
            if (t.equals("usr/" + top) || t.equals("/usr/" + top)) {
                // The merged-/usr link itself (base-files ships it since trixie): activation makes it.
                Files.delete(from);
                notes.add("dropped the link /" + top + " -> " + t + " (activation makes it)");
                return;
            }
            throw fail("/" + top + " is a symlink to '" + t + "'; with the merged /usr it must be the link to usr/" + top);
        }
        if (!Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw fail("/" + top + " is a file; with the merged /usr it is the link to usr/" + top);
        }
        Path usr = out.resolve("usr");
        Files.createDirectories(usr);
        Path to = usr.resolve(top);
        if (Files.isSymbolicLink(to)) {
            throw fail("/usr/" + top + " is a symlink, so /" + top + " cannot be merged into it");
        }
        merge(from, to, top);
        notes.add("moved /" + top + " to /usr/" + top);
    }

    /** Moves everything below {@code from} ({@code rel} in the archive) to {@code to}. */
    private void merge(Path from, Path to, String rel) throws IOException, BuildException {
        if (!Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            recordLinks(from, rel);
            Files.move(from, to);
            return;
        }
        if (!Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
            throw fail("it ships both /" + rel + " and /usr/" + rel + "; with the merged /usr they are the same path");
        }
        for (Path child : list(from)) {
            String name = child.getFileName().toString();
            merge(child, to.resolve(name), rel + "/" + name);
        }
        Files.delete(from);
    }

    private void recordLinks(Path p, String rel) throws IOException {
        if (Files.isSymbolicLink(p)) {
            movedLinks.put("usr/" + rel, rel);
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            for (Path child : list(p)) recordLinks(child, rel + "/" + child.getFileName());
        }
    }

    private void fixRelativeLinks() throws IOException {
        List<Path> links;
        try (Stream<Path> s = Files.walk(out)) {
            links = s.filter(Files::isSymbolicLink).toList();
        }
        for (Path link : links) {
            String target = Files.readSymbolicLink(link).toString();
            if (target.startsWith("/")) continue;
            String now = out.relativize(link).toString();
            String original = movedLinks.getOrDefault(now, now);
            String named = mapped(normalize(parent(original), target));
            String fixed = inPackage(named) ? relative(parent(now), named) : "/" + named;
            if (fixed.equals(target)) continue;
            Files.delete(link);
            Files.createSymbolicLink(link, Path.of(fixed));
        }
    }

    /** Where a path of the archive is after the move. */
    private static String mapped(String path) {
        String first = path.split("/", 2)[0];
        return TOP_LEVEL.contains(first) ? "usr/" + path : path;
    }

    /** Whether {@code rel} is in the package, reached without following any link. */
    private boolean inPackage(String rel) {
        Path p = out;
        for (String part : rel.isEmpty() ? new String[0] : rel.split("/")) {
            if (Files.isSymbolicLink(p)) return false;
            p = p.resolve(part);
        }
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static String parent(String rel) {
        int slash = rel.lastIndexOf('/');
        return slash < 0 ? "" : rel.substring(0, slash);
    }

    /** {@code target} read from directory {@code dir}, both relative to the package root. */
    private static String normalize(String dir, String target) {
        List<String> parts = new ArrayList<>(dir.isEmpty() ? List.of() : Arrays.asList(dir.split("/")));
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            // The extractor refused links that climb above the package, so this never underflows.
            if (part.equals("..")) parts.remove(parts.size() - 1);
            else parts.add(part);
        }
        return String.join("/", parts);
    }

    /** The relative link text that leads from directory {@code dir} to {@code target}. */
    static String relative(String dir, String target) {
        List<String> d = dir.isEmpty() ? List.of() : List.of(dir.split("/"));
        List<String> t = target.isEmpty() ? List.of() : List.of(target.split("/"));
        int k = 0;
        while (k < d.size() && k < t.size() && d.get(k).equals(t.get(k))) k++;
        List<String> parts = new ArrayList<>();
        for (int i = k; i < d.size(); i++) parts.add("..");
        parts.addAll(t.subList(k, t.size()));
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private BuildException fail(String why) {
        return new BuildException("cannot apply the merged /usr layout to " + what + ": " + why);
    }
}
