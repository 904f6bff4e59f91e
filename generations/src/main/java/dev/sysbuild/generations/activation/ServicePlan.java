package dev.sysbuild.generations.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a switch does to systemd units: which to stop (before {@code /etc} changes, with the old
 * unit files), then reload the daemon, and reload, restart and start (with the new ones). Each
 * unit's line says why, for {@code dry-activate} and {@code generations diff}.
 */
public record ServicePlan(List<String> stop, List<String> reload, List<String> restart, List<String> start,
        boolean daemonReload, Map<String, String> reasons) {

    public ServicePlan {
        stop = List.copyOf(stop);
        reload = List.copyOf(reload);
        restart = List.copyOf(restart);
        start = List.copyOf(start);
        reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    }

    public boolean isEmpty() {
        return stop.isEmpty() && reload.isEmpty() && restart.isEmpty() && start.isEmpty() && !daemonReload;
    }

    /** One line per unit: {@code restart sshd.service (unit file changed)}. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        reasons.forEach((unit, why) -> out.add(why.isEmpty() ? unit : unit + ": " + why));
        return out;
    }

    /** The plan as JSON values, for {@code last-plan.json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stop", stop);
        m.put("daemonReload", daemonReload);
        m.put("reload", reload);
        m.put("restart", restart);
        m.put("start", start);
        m.put("reasons", new LinkedHashMap<String, Object>(reasons));
        return m;
    }
}
