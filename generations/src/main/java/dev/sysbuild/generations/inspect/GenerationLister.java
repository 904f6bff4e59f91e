package dev.sysbuild.generations.inspect;

import dev.sysbuild.generations.boot.BootSpec;
import dev.sysbuild.generations.ClosureSizes;
import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.GenerationSummary;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The rows of {@code generations list}. Toplevels that several generations share are read once;
 * a generation whose toplevel is gone from the store (or damaged) is still listed, with what is
 * known.
 */
public final class GenerationLister {
    private final SystemProfile profile;
    private final Optional<ClosureSizes> closures;

    public GenerationLister(SystemProfile profile, Optional<LocalStore> store) {
        this.profile = profile;
        this.closures = store.map(ClosureSizes::new);
    }

    public List<GenerationRow> rows() throws IOException {
        OptionalInt def = profile.bootDefault();
        Optional<StorePath> current = profile.currentSystem();
        Map<StorePath, GenerationRow> byToplevel = new HashMap<>();
        List<GenerationRow> rows = new ArrayList<>();
        for (Generation g : profile.generations()) {
            GenerationRow shared = byToplevel.get(g.toplevel());
            if (shared == null) {
                shared = read(g);
                byToplevel.put(g.toplevel(), shared);
            }
            Map<?, ?> prov = g.metadata().get(ProvenanceDiff.KEY) instanceof Map<?, ?> m ? m : Map.of();
            rows.add(new GenerationRow(g.number(), g.created(), current.isPresent() && current.get().equals(g.toplevel()),
                    def.isPresent() && def.getAsInt() == g.number(), shared.label(), shared.kernelVersion(),
                    shared.packages(), shared.closureSize(), shared.toplevel(),
                    prov.get("commit") instanceof String c ? Optional.of(c) : Optional.empty(),
                    prov.get("subject") instanceof String s ? Optional.of(s) : Optional.empty(),
                    Boolean.TRUE.equals(prov.get("dirty"))));
        }
        return rows;
    }

    private GenerationRow read(Generation g) throws IOException {
        if (g.metadata().get(GenerationSummary.KEY) instanceof Map<?, ?> s && s.get("label") instanceof String label
                && s.get("packages") instanceof Long packages) {
            Optional<String> kernel = s.get("kernelVersion") instanceof String k ? Optional.of(k) : Optional.empty();
            OptionalLong size = s.get("closureSize") instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
            return new GenerationRow(g.number(), g.created(), false, false, label, kernel, packages.intValue(), size,
                    profile.layout().store().storeDir().print(g.toplevel()), Optional.empty(), Optional.empty(), false);
        }
        Toplevel t = new Toplevel(profile.layout().store(), g.toplevel());
        String label = "?";
        Optional<String> kernel = Optional.empty();
        int packages = -1;
        try {
            BootSpec boot = t.boot();
            label = boot.label();
            kernel = Optional.ofNullable(boot.kernelVersion());
            packages = t.packages().size();
        } catch (RuntimeException | IOException e) {
            label = "(toplevel unreadable: " + e.getMessage() + ")";
        }
        OptionalLong size = closures.isPresent() ? closures.get().of(g.toplevel()) : OptionalLong.empty();
        return new GenerationRow(g.number(), g.created(), false, false, label, kernel, packages, size, t.logical(),
                Optional.empty(), Optional.empty(), false);
    }

    /** The rows as a table for people (padded by hand: String.format per cell is most of a cold run's time). */
    public static String table(List<GenerationRow> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 100);
        row(sb, "GEN", "DATE (UTC)", "", "CONFIG", "LABEL", "KERNEL", "PACKAGES", "CLOSURE", "COMMIT SUBJECT");
        for (GenerationRow r : rows) {
            String marks = (r.current() ? "current" : "") + (r.bootDefault() ? (r.current() ? ",boot" : "boot") : "");
            row(sb, String.valueOf(r.number()), date(r.created()), marks, r.config(), r.label(), r.kernelVersion().orElse("-"),
                    r.packages() < 0 ? "?" : String.valueOf(r.packages()),
                    r.closureSize().isPresent() ? ClosureSizes.human(r.closureSize().getAsLong()) : "?",
                    r.subject().map(GenerationLister::shorten).orElse(""));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String gen, String date, String marks, String config, String label,
            String kernel, String packages, String closure, String subject) {
        pad(sb, gen, 6, true);
        pad(sb, date, 19, true);
        pad(sb, marks, 12, true);
        pad(sb, config, 9, true);
        pad(sb, label, 24, true);
        pad(sb, kernel, 10, true);
        pad(sb, packages, 8, false);
        sb.append(' ');
        pad(sb, closure, 10, false);
        sb.append("  ").append(subject);
        while (sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
        sb.append('\n');
    }

    /** A commit subject cut to fit a line. */
    private static String shorten(String subject) {
        return subject.length() <= 48 ? subject : subject.substring(0, 47) + "\u2026";
    }

    private static void pad(StringBuilder sb, String s, int width, boolean left) {
        if (!left) sb.append(" ".repeat(Math.max(0, width - s.length())));
        sb.append(s);
        if (left) sb.append(" ".repeat(Math.max(0, width - s.length()))).append(' ');
    }

    /** {@code 2026-01-02 03:04:05} in UTC. */
    static String date(java.time.Instant t) {
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        return d.getYear() + "-" + two(d.getMonthValue()) + "-" + two(d.getDayOfMonth()) + " " + two(d.getHour()) + ":"
                + two(d.getMinute()) + ":" + two(d.getSecond());
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }
}
