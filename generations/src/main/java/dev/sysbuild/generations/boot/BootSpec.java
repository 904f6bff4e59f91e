package dev.sysbuild.generations.boot;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generation's {@code boot.json} (docs/toplevel-format.md): what the boot loader needs. Paths
 * are logical ({@code /sysbuild/store/...}); {@code kernel}, {@code initrd} and
 * {@code kernelVersion} are null for a configuration without a kernel.
 */
public record BootSpec(String label, String kernel, String initrd, String kernelVersion,
                       List<String> kernelParams, String init, Loader loader) {
    /** {@code loader.type} values. */
    public static final String SYSTEMD_BOOT = "systemd-boot";
    public static final String GRUB = "grub";

    /**
     * The {@code loader} object. {@code timeout} null means wait for a choice; a null
     * {@code configurationLimit} keeps every generation.
     */
    public record Loader(String type, Integer timeout, Integer configurationLimit) {
        public Loader {
            if (!SYSTEMD_BOOT.equals(type) && !GRUB.equals(type)) {
                throw new IllegalArgumentException("unknown boot loader type '" + type + "' (expected \""
                        + SYSTEMD_BOOT + "\" or \"" + GRUB + "\")");
            }
            if (timeout != null && timeout < 0) throw new IllegalArgumentException("negative loader timeout " + timeout);
            if (configurationLimit != null && configurationLimit < 1) {
                throw new IllegalArgumentException("configurationLimit must be at least 1, got " + configurationLimit);
            }
        }

        public boolean isGrub() {
            return GRUB.equals(type);
        }
    }

    public BootSpec {
        kernelParams = List.copyOf(kernelParams);
        if (kernel == null && initrd != null) throw new IllegalArgumentException("an initrd without a kernel");
    }

    public boolean hasKernel() {
        return kernel != null;
    }

    /** Reads {@code file} (a toplevel's {@code boot.json}); errors name the file. */
    public static BootSpec read(Path file) throws IOException {
        String text = Files.readString(file);
        try {
            return parse(text);
        } catch (JsonException | IllegalArgumentException e) {
            throw new IOException("invalid boot.json " + file + ": " + e.getMessage()
                    + " (rebuild the generation with this sysbuild version)", e);
        }
    }

    /**
     * Parses boot.json text.
     *
     * @throws IllegalArgumentException or {@link JsonException} when a field is missing or has the
     *     wrong type, naming it
     */
    public static BootSpec parse(String text) {
        Map<String, Object> o = Json.parseObject(text);
        Object version = o.get("version");
        if (!(version instanceof Long v) || v != 1) {
            throw new IllegalArgumentException("unsupported boot.json version " + version + " (expected 1)");
        }
        Object loaderValue = o.get("loader");
        if (!(loaderValue instanceof Map<?, ?> l)) throw new IllegalArgumentException("'loader' must be an object");
        Loader loader = new Loader(string(l, "loader.type", "type", false), integer(l, "loader.timeout", "timeout"),
                integer(l, "loader.configurationLimit", "configurationLimit"));
        Object params = o.get("kernelParams");
        if (!(params instanceof List<?> list)) throw new IllegalArgumentException("'kernelParams' must be an array");
        List<String> kernelParams = new ArrayList<>();
        for (Object p : list) {
            if (!(p instanceof String s)) throw new IllegalArgumentException("'kernelParams' must hold strings");
            kernelParams.add(s);
        }
        return new BootSpec(string(o, "label", "label", false), logicalPath(o, "kernel"), logicalPath(o, "initrd"),
                string(o, "kernelVersion", "kernelVersion", true), kernelParams, string(o, "init", "init", true), loader);
    }

    private static String logicalPath(Map<?, ?> o, String key) {
        String p = string(o, key, key, true);
        if (p != null && !p.startsWith("/")) throw new IllegalArgumentException("'" + key + "' must be an absolute path: " + p);
        return p;
    }

    private static String string(Map<?, ?> o, String what, String key, boolean nullable) {
        Object v = o.get(key);
        if (v == null && nullable) return null;
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("'" + what + "' must be a string" + (nullable ? " or null" : "")
                    + ", got " + Json.typeName(v));
        }
        return s;
    }

    private static Integer integer(Map<?, ?> o, String what, String key) {
        Object v = o.get(key);
        if (v == null) return null;
        if (!(v instanceof Long n) || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("'" + what + "' must be an integer or null, got " + Json.typeName(v));
        }
        return n.intValue();
    }
}
