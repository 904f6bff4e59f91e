package dev.sysbuild.generations.inspect;

import dev.sysbuild.generations.BootSpec;
import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

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
            rows.add(new GenerationRow(g.number(), g.created(), current.isPresent() && current.get().equals(g.toplevel()),
                    def.isPresent() && def.getAsInt() == g.number(), shared.label(), shared.kernelVersion(),
                    shared.packages(), shared.closureSize(), shared.toplevel()));
        }
        return rows;
    }

    private GenerationRow read(Generation g) throws IOException {
        Toplevel t = new Toplevel(profile.layout().store(), g.toplevel());
        String label = "?";
        Optional<String> kernel = Optional.empty();
        int packages = -1;
        try {
            BootSpec boot = t.boot();
            label = boot.label();
            kernel = boot.kernelVersion();
            packages = t.packages().size();
        } catch (RuntimeException | IOException e) {
            label = "(toplevel unreadable: " + e.getMessage() + ")";
        }
        OptionalLong size = closures.isPresent() ? closures.get().of(g.toplevel()) : OptionalLong.empty();
        return new GenerationRow(g.number(), g.created(), false, false, label, kernel, packages, size, t.logical());
    }

    /** The rows as a table for people. */
    public static String table(List<GenerationRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-6s %-19s %-12s %-22s %-10s %8s %10s%n", "GEN", "DATE (UTC)", "", "LABEL", "KERNEL",
                "PACKAGES", "CLOSURE"));
        for (GenerationRow r : rows) {
            String marks = (r.current() ? "current" : "") + (r.bootDefault() ? (r.current() ? ",boot" : "boot") : "");
            sb.append(String.format("%-6d %-19s %-12s %-22s %-10s %8s %10s%n", r.number(), DATE.format(r.created()), marks,
                    r.label(), r.kernelVersion().orElse("-"), r.packages() < 0 ? "?" : String.valueOf(r.packages()),
                    r.closureSize().isPresent() ? ClosureSizes.human(r.closureSize().getAsLong()) : "?"));
        }
        return sb.toString();
    }
}
