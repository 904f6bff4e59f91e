package dev.sysbuild.generations.inspect;

import dev.sysbuild.generations.ClosureSizes;
import dev.sysbuild.generations.EtcEntry;
import dev.sysbuild.generations.GroupSpec;
import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.generations.UserSpec;
import dev.sysbuild.generations.activation.ServicePlanner;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What differs between two toplevels, as {@code generations diff} (and {@code switch} before it
 * acts) prints it: packages by name and version, {@code /etc} entries with a unified diff of
 * text files, users and groups, what a switch from A to B would do with each unit, and the
 * closure size.
 */
public final class GenerationDiff {
    private GenerationDiff() {}

    public static List<String> lines(Toplevel a, Toplevel b, OptionalLong sizeA, OptionalLong sizeB) throws IOException {
        List<String> out = new ArrayList<>();
        section(out, "packages", packages(a, b));
        section(out, "/etc", etc(a, b));
        section(out, "users", named(a.users(), b.users(), UserSpec::name));
        section(out, "groups", named(a.groups(), b.groups(), GroupSpec::name));
        section(out, "units", ServicePlanner.plan(Optional.of(a), b).describe());
        if (sizeA.isPresent() && sizeB.isPresent()) {
            long d = sizeB.getAsLong() - sizeA.getAsLong();
            out.add("closure size: " + ClosureSizes.human(sizeA.getAsLong()) + " -> " + ClosureSizes.human(sizeB.getAsLong())
                    + " (" + (d >= 0 ? "+" : "-") + ClosureSizes.human(Math.abs(d)) + ")");
        } else {
            out.add("closure size: unknown (a path is not registered in the store)");
        }
        return out;
    }

    private static void section(List<String> out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            out.add(title + ": no changes");
            return;
        }
        out.add(title + ":");
        for (String l : lines) out.add("  " + l);
    }

    static List<String> packages(Toplevel a, Toplevel b) throws IOException {
        Map<String, TreeSet<String>> before = versions(a.packages());
        Map<String, TreeSet<String>> after = versions(b.packages());
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String n : names) {
            TreeSet<String> x = before.get(n);
            TreeSet<String> y = after.get(n);
            if (x == null) out.add("+ " + n + " " + String.join(", ", y));
            else if (y == null) out.add("- " + n + " " + String.join(", ", x));
            else if (!x.equals(y)) out.add("~ " + n + " " + String.join(", ", x) + " -> " + String.join(", ", y));
        }
        return out;
    }

    private static Map<String, TreeSet<String>> versions(List<String> paths) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (String p : paths) {
            PackageName n = PackageName.ofStorePath(p);
            out.computeIfAbsent(n.name(), k -> new TreeSet<>()).add(n.version().isEmpty() ? "(no version)" : n.version());
        }
        return out;
    }

    static List<String> etc(Toplevel a, Toplevel b) throws IOException {
        Map<String, EtcEntry> before = byTarget(a.etcEntries());
        Map<String, EtcEntry> after = byTarget(b.etcEntries());
        TreeSet<String> targets = new TreeSet<>(before.keySet());
        targets.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String t : targets) {
            EtcEntry x = before.get(t);
            EtcEntry y = after.get(t);
            if (x == null) {
                out.add("+ /etc/" + t);
            } else if (y == null) {
                out.add("- /etc/" + t);
            } else {
                byte[] bx = contents(a, x);
                byte[] by = contents(b, y);
                String how = x.mode().equals(y.mode()) && x.user().equals(y.user()) && x.group().equals(y.group()) ? ""
                        : " (" + x.mode() + " " + x.user() + ":" + x.group() + " -> " + y.mode() + " " + y.user() + ":" + y.group() + ")";
                if (Arrays.equals(bx, by) && how.isEmpty()) continue;
                out.add("~ /etc/" + t + how);
                if (!Arrays.equals(bx, by)) out.addAll(textDiff(bx, by, t));
            }
        }
        return out;
    }

    private static List<String> textDiff(byte[] x, byte[] y, String target) {
        Optional<String> sx = text(x);
        Optional<String> sy = text(y);
        if (sx.isEmpty() || sy.isEmpty()) return List.of("  (binary contents differ)");
        Optional<String> d = LineDiff.unified(sx.get(), sy.get(), "a/etc/" + target, "b/etc/" + target);
        if (d.isEmpty()) return List.of("  (contents differ too much to show)");
        List<String> out = new ArrayList<>();
        for (String l : d.get().split("\n")) out.add("  " + l);
        return out;
    }

    /** UTF-8 text without NUL bytes, or empty for binary contents. */
    private static Optional<String> text(byte[] b) {
        for (byte c : b) if (c == 0) return Optional.empty();
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static byte[] contents(Toplevel t, EtcEntry e) throws IOException {
        Path p = TargetPaths.resolve(t.store(), e.source());
        return Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0];
    }

    private static Map<String, EtcEntry> byTarget(List<EtcEntry> entries) {
        Map<String, EtcEntry> m = new TreeMap<>();
        for (EtcEntry e : entries) m.put(e.target(), e);
        return m;
    }

    /** Added, removed and changed records by name; a change lists the fields that differ. */
    static <T extends Record> List<String> named(List<T> a, List<T> b, Function<T, String> name) {
        Map<String, T> before = new TreeMap<>();
        a.forEach(x -> before.put(name.apply(x), x));
        Map<String, T> after = new TreeMap<>();
        b.forEach(x -> after.put(name.apply(x), x));
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            T x = before.get(n);
            T y = after.get(n);
            if (x == null) out.add("+ " + n);
            else if (y == null) out.add("- " + n);
            else if (!x.equals(y)) out.add("~ " + n + " (" + String.join(", ", changedFields(x, y)) + ")");
        }
        return out;
    }

    private static List<String> changedFields(Record x, Record y) {
        List<String> out = new ArrayList<>();
        for (var c : x.getClass().getRecordComponents()) {
            try {
                Object vx = c.getAccessor().invoke(x);
                Object vy = c.getAccessor().invoke(y);
                if (!java.util.Objects.equals(vx, vy)) out.add(c.getName() + ": " + vx + " -> " + vy);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
