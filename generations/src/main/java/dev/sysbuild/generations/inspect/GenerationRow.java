package dev.sysbuild.generations.inspect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One line of {@code generations list}. */
public record GenerationRow(int number, Instant created, boolean current, boolean bootDefault, String label,
        Optional<String> kernelVersion, int packages, OptionalLong closureSize, String toplevel,
        Optional<String> commit, Optional<String> subject, boolean dirty) {

    /** {@code 1a2b3c4d}, with {@code +} when built with uncommitted changes; {@code -} when unknown. */
    public String config() {
        return commit.map(c -> c.substring(0, Math.min(8, c.length())) + (dirty ? "+" : "")).orElse(dirty ? "+" : "-");
    }

    /** For {@code --json}: dates in ISO-8601, absent values as null. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generation", (long) number);
        m.put("date", created.toString());
        m.put("current", current);
        m.put("bootDefault", bootDefault);
        m.put("label", label);
        m.put("kernelVersion", kernelVersion.orElse(null));
        m.put("packages", (long) packages);
        m.put("closureSize", closureSize.isPresent() ? closureSize.getAsLong() : null);
        m.put("toplevel", toplevel);
        m.put("commit", commit.orElse(null));
        m.put("subject", subject.orElse(null));
        m.put("dirty", dirty);
        return m;
    }
}
