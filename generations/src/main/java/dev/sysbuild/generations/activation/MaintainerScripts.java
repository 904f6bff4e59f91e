package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Warnings for the Debian packages a generation adds that come with maintainer scripts
 * ({@code postinst}, ...): sysbuild runs none, so whatever they would set up (a user, a cache,
 * an alternative) is the configuration's job. The unpacker recorded the scripts in each package's
 * {@code nix-support/deb.json}; packages the active generation already had are not repeated.
 */
final class MaintainerScripts {
    private MaintainerScripts() {}

    static List<String> warnings(Toplevel target, Optional<Toplevel> previous) throws IOException {
        Set<String> had = new HashSet<>();
        if (previous.isPresent()) {
            try {
                had.addAll(previous.get().packages());
            } catch (RuntimeException e) {
                // An unreadable old generation only means every warning is shown again.
            }
        }
        List<String> out = new ArrayList<>();
        for (String pkg : target.packages()) {
            if (had.contains(pkg)) continue;
            Path summary = target.store().physical(pkg).resolve("nix-support/deb.json");
            if (!Files.isRegularFile(summary)) continue;
            try {
                Map<String, Object> m = Json.parseObject(Files.readString(summary));
                if (m.get("maintainerScripts") instanceof List<?> scripts && !scripts.isEmpty()) {
                    List<String> names = scripts.stream().map(String::valueOf).toList();
                    out.add("Debian package '" + m.get("package") + "' " + m.get("version") + " has "
                            + String.join(", ", names) + (names.size() == 1 ? " script" : " scripts")
                            + " that sysbuild does not run (see docs/packages.md)");
                }
            } catch (JsonException | ClassCastException e) {
                out.add(summary + " cannot be read: " + e.getMessage());
            }
        }
        return out;
    }
}
