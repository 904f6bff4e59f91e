package dev.sysbuild.store.build;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code builtin:buildenv}: {@code $out} as the symlink union of some packages (the system
 * profile's {@code sw}), as Nix's built-in of that name: a directory present in several packages
 * becomes a real directory whose entries are merged recursively; anything else is a symlink to
 * the package's file (a logical path). Packages come from one of
 *
 * <ul>
 *   <li>{@code pkgs}: JSON {@code [{"paths": ["/sysbuild/store/..."], "priority": 5}, ...]}
 *       ({@code priority} optional, default 5 as {@code meta.priority});
 *   <li>{@code paths}: store paths separated by white space, all of priority 5;
 *   <li>{@code derivations}: Nix's own form, {@code active priority count path...} repeated.
 * </ul>
 *
 * Packages are merged in order of priority, then path. Two packages with the same file (different
 * targets) collide: the lower priority number wins; equal numbers are an error naming both.
 * Like Nix, {@code nix-support}, {@code propagated-build-inputs}, {@code perllocal.pod},
 * {@code info/dir}, {@code log} and {@code manifest.nix}/{@code manifest.json} are left out.
 */
final class BuildEnv implements Builder {
    private static final int DEFAULT_PRIORITY = 5;
    private static final List<String> IGNORED = List.of("/propagated-build-inputs", "/nix-support", "/perllocal.pod",
            "/info/dir", "/log", "/manifest.nix", "/manifest.json");

    private record Package(String path, int priority) {}

    /** Who made a link in {@code $out}: for collision messages and priorities. */
    private record Link(String pkg, int priority) {}

    @Override
    public void build(BuildRequest req, BuildContext ctx) throws BuildException, IOException {
        Path out = BuiltinBuilders.output(req, ctx, "out");
        List<Package> pkgs = packages(req);
        pkgs.sort(Comparator.comparingInt(Package::priority).thenComparing(Package::path));
        Files.createDirectory(out);
        LinkMerger merger = new LinkMerger(req, ctx);
        Set<String> done = new LinkedHashSet<>();
        for (Package p : pkgs) {
            if (!done.add(p.path())) continue;
            if (!Files.isDirectory(merger.resolve(p.path()))) {
                ctx.log("buildenv: not including '" + p.path() + "': it is not a directory");
                continue;
            }
            merger.link(p.path(), "", new Link(p.path(), p.priority()));
        }
        ctx.log("buildenv: merged " + done.size() + " packages");
    }

    private static List<Package> packages(BuildRequest req) throws BuildException {
        List<Package> pkgs = new ArrayList<>();
        String json = req.envVar("pkgs");
        String paths = req.envVar("paths");
        String derivations = req.envVar("derivations");
        if (json != null) {
            try {
                Object parsed = Json.parse(json);
                if (!(parsed instanceof List<?> list)) throw fail(req, "'pkgs' must be a JSON array");
                for (Object o : list) {
                    if (!(o instanceof Map<?, ?> m) || !(m.get("paths") instanceof List<?> ps)) {
                        throw fail(req, "each element of 'pkgs' must be an object with a 'paths' array");
                    }
                    int priority = m.get("priority") instanceof Long l ? l.intValue() : DEFAULT_PRIORITY;
                    for (Object p : ps) pkgs.add(new Package(String.valueOf(p), priority));
                }
            } catch (JsonException e) {
                throw fail(req, "'pkgs' is not valid JSON: " + e.getMessage());
            }
        } else if (paths != null) {
            for (String p : paths.trim().split("\\s+")) {
                if (!p.isEmpty()) pkgs.add(new Package(p, DEFAULT_PRIORITY));
            }
        } else if (derivations != null) {
            String[] t = derivations.trim().split("\\s+");
            try {
                for (int i = 0; i + 2 < t.length;) {
                    boolean active = !t[i].equals("false");
                    int priority = Integer.parseInt(t[i + 1]);
                    int count = Integer.parseInt(t[i + 2]);
                    i += 3;
                    for (int k = 0; k < count; k++, i++) if (active) pkgs.add(new Package(t[i], priority));
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw fail(req, "'derivations' is not 'active priority count path...' repeated");
            }
        } else {
            throw fail(req, "the derivation has none of 'pkgs', 'paths' or 'derivations'");
        }
        return pkgs;
    }

    static BuildException fail(BuildRequest req, String why) {
        return new BuildException("builtin:buildenv for '" + req.name() + "': " + why);
    }

    /** The recursive merge; {@code $out}'s links hold logical paths, read through the layout. */
    private static final class LinkMerger {
        private final BuildRequest req;
        private final BuildContext ctx;
        private final Path out;
        private final Map<String, Link> links = new HashMap<>();

        LinkMerger(BuildRequest req, BuildContext ctx) throws BuildException {
            this.req = req;
            this.ctx = ctx;
            this.out = BuiltinBuilders.output(req, ctx, "out");
        }

        /** Links the entries of the logical directory {@code src} into {@code out/rel}. */
        void link(String src, String rel, Link by) throws IOException, BuildException {
            List<String> names;
            try (Stream<Path> s = Files.list(resolve(src))) {
                names = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            for (String name : names) {
                String srcFile = src + "/" + name;
                String relFile = rel.isEmpty() ? name : rel + "/" + name;
                if (IGNORED.stream().anyMatch(srcFile::endsWith)) continue;
                Path dst = out.resolve(relFile);
                boolean srcIsDir = isDirectory(srcFile);
                boolean dstExists = Files.exists(dst, LinkOption.NOFOLLOW_LINKS);
                if (srcIsDir && dstExists && Files.isDirectory(dst, LinkOption.NOFOLLOW_LINKS)) {
                    link(srcFile, relFile, by);
                    continue;
                }
                if (srcIsDir && dstExists && Files.isSymbolicLink(dst) && isDirectory(target(dst))) {
                    // Two packages share a directory: it becomes real, holding both packages' entries.
                    String prevTarget = target(dst);
                    Link prev = links.remove(relFile);
                    Files.delete(dst);
                    Files.createDirectory(dst);
                    link(prevTarget, relFile, prev);
                    link(srcFile, relFile, by);
                    continue;
                }
                if (dstExists) {
                    Link prev = links.get(relFile);
                    if (prev == null || !Files.isSymbolicLink(dst)) {
                        throw fail(req, "collision at '" + relFile + "': it is a directory in other packages and not one in"
                                + " package '" + by.pkg() + "' ('" + srcFile + "')");
                    }
                    if (target(dst).equals(srcFile)) continue;
                    if (sameFile(target(dst), srcFile)) continue;
                    if (prev.priority() == by.priority()) throw collision(relFile, prev.pkg(), by, srcFile);
                    if (prev.priority() < by.priority()) continue;
                    Files.delete(dst);
                }
                Files.createSymbolicLink(dst, Path.of(srcFile));
                links.put(relFile, by);
            }
        }

        private BuildException collision(String rel, String prevPkg, Link by, String srcFile) {
            return fail(req, "collision at '" + rel + "' between package '" + prevPkg + "' and package '" + by.pkg()
                    + "' ('" + srcFile + "'); give one of them a lower priority number (meta.priority) to let it win");
        }

        /**
         * Whether two logical paths are regular files with the same bytes and executable bit
         * (Debian packages often ship one file twice), which, as in Nix, is no collision.
         */
        private boolean sameFile(String a, String b) throws IOException {
            Path pa;
            Path pb;
            try {
                pa = resolve(a);
                pb = resolve(b);
            } catch (BuildException e) {
                return false;
            }
            if (!Files.isRegularFile(pa) || !Files.isRegularFile(pb)) return false;
            if (Files.isExecutable(pa) != Files.isExecutable(pb)) return false;
            return Files.size(pa) == Files.size(pb) && Files.mismatch(pa, pb) == -1;
        }

        private static String target(Path link) throws IOException {
            return Files.readSymbolicLink(link).toString();
        }

        /** Whether a logical path is a directory in the closure; a link leaving the store is a file here. */
        private boolean isDirectory(String logical) throws IOException {
            try {
                return Files.isDirectory(resolve(logical));
            } catch (BuildException e) {
                return false;
            }
        }

        /**
         * The physical place of a logical path, following symlinks in every component (logical
         * targets included) the way the booted machine would; the end must lie in the input closure.
         */
        Path resolve(String logical) throws BuildException, IOException {
            java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(logical.substring(1).split("/")));
            String cur = "";
            int hops = 0;
            while (!todo.isEmpty()) {
                String c = todo.pop();
                if (c.isEmpty() || c.equals(".")) continue;
                if (c.equals("..")) {
                    cur = cur.isEmpty() ? "" : cur.substring(0, cur.lastIndexOf('/'));
                    continue;
                }
                String next = cur + "/" + c;
                Path p = ctx.layout().physical(next);
                if (!Files.isSymbolicLink(p)) {
                    cur = next;
                    continue;
                }
                if (++hops > 40) throw fail(req, "too many levels of symbolic links at '" + logical + "'");
                String t = Files.readSymbolicLink(p).toString();
                if (t.startsWith("/") && !t.startsWith(ctx.layout().storeDir().path() + "/")) {
                    // A path on the target outside the store (a Debian package's absolute link): the
                    // host's file of that name says nothing about the target, so it is not followed.
                    throw fail(req, "'" + logical + "' leads to '" + t + "', outside the store");
                }
                if (t.startsWith("/")) cur = "";
                List<String> parts = List.of(t.split("/"));
                for (int i = parts.size() - 1; i >= 0; i--) todo.push(parts.get(i));
            }
            return BuiltinBuilders.input(req, ctx, cur.isEmpty() ? "/" : cur);
        }
    }
}
