package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.generations.UnitSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two toplevels' units the way NixOS's switch-to-configuration does, simplified: a
 * unit only the old one has is stopped; a new unit wanted by {@code multi-user.target} is
 * started; a unit whose file or restart triggers changed is reloaded ({@code reloadIfChanged}),
 * stopped and started again ({@code stopIfChanged}, the default), restarted, or left alone
 * ({@code restartIfChanged = false}). Targets are never restarted. Unit files are read from each
 * toplevel's {@code etc/systemd/system}, following its links under the root.
 */
public final class ServicePlanner {
    private static final String UNIT_DIR = "etc/systemd/system";
    private static final List<String> BOOT_TARGETS = List.of("multi-user.target", "default.target", "graphical.target");

    private ServicePlanner() {}

    public static ServicePlan plan(Optional<Toplevel> old, Toplevel next) throws IOException {
        Map<String, UnitSpec> before = old.isPresent() ? units(old.get()) : Map.of();
        Map<String, UnitSpec> after = units(next);
        List<String> stop = new ArrayList<>();
        List<String> reload = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        List<String> start = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        boolean daemonReload = false;
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String unit : names) {
            UnitSpec a = before.get(unit);
            UnitSpec b = after.get(unit);
            if (b == null) {
                stop.add(unit);
                reasons.put(unit, "stop (removed)");
                daemonReload = true;
            } else if (a == null) {
                daemonReload = true;
                if (wanted(b)) {
                    start.add(unit);
                    reasons.put(unit, "start (new, wanted by " + String.join(", ", b.wantedBy()) + ")");
                } else {
                    reasons.put(unit, "none (new, not wanted by a boot target)");
                }
            } else {
                String change = change(old.get(), next, unit, a, b);
                if (change.isEmpty()) continue;
                daemonReload |= !change.equals("restart triggers changed");
                if (unit.endsWith(".target")) {
                    if (wanted(b)) start.add(unit);
                    reasons.put(unit, (wanted(b) ? "start" : "none") + " (" + change + "; targets are not restarted)");
                } else if (b.reloadIfChanged()) {
                    reload.add(unit);
                    reasons.put(unit, "reload (" + change + ", reloadIfChanged)");
                } else if (!b.restartIfChanged()) {
                    reasons.put(unit, "none (" + change + ", restartIfChanged = false)");
                } else if (b.stopIfChanged()) {
                    stop.add(unit);
                    start.add(unit);
                    reasons.put(unit, "stop, then start (" + change + ", stopIfChanged)");
                } else {
                    restart.add(unit);
                    reasons.put(unit, "restart (" + change + ")");
                }
            }
        }
        return new ServicePlan(stop, reload, restart, start, daemonReload, reasons);
    }

    private static boolean wanted(UnitSpec u) {
        return u.wantedBy().stream().anyMatch(BOOT_TARGETS::contains);
    }

    /** Why {@code unit} counts as changed, or "" if it did not. */
    private static String change(Toplevel old, Toplevel next, String unit, UnitSpec a, UnitSpec b) throws IOException {
        byte[] x = unitFile(old, unit);
        byte[] y = unitFile(next, unit);
        if (!Arrays.equals(x, y)) return "unit file changed";
        if (!a.restartTriggers().equals(b.restartTriggers())) return "restart triggers changed";
        return "";
    }

    /** The units.json entries, plus every unit file that has none (with NixOS's defaults). */
    static Map<String, UnitSpec> units(Toplevel t) throws IOException {
        Map<String, UnitSpec> out = new TreeMap<>(t.units());
        Path dir = t.physical().resolve(UNIT_DIR);
        if (Files.isDirectory(dir)) {
            try (var entries = Files.newDirectoryStream(dir)) {
                for (Path p : entries) {
                    String name = p.getFileName().toString();
                    if (name.contains(".") && !name.endsWith(".wants") && !name.endsWith(".requires")
                            && !name.endsWith(".d") && Files.isRegularFile(resolve(t, name))) {
                        out.putIfAbsent(name, UnitSpec.defaults(name));
                    }
                }
            }
        }
        return out;
    }

    private static byte[] unitFile(Toplevel t, String unit) throws IOException {
        Path p = resolve(t, unit);
        return Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0];
    }

    private static Path resolve(Toplevel t, String unit) throws IOException {
        return TargetPaths.resolve(t.store(), t.logical() + "/" + UNIT_DIR + "/" + unit);
    }
}
