package dev.sysbuild.eval;

import dev.sysbuild.store.path.StoreDir;
import java.util.Locale;

/**
 * What an evaluation is set up with, beyond its I/O and search path: the logical store directory
 * (every store path, {@code builtins.storeDir} and each {@code .drv} depend on it) and the system
 * {@code builtins.currentSystem} names.
 *
 * @param storeDir {@code /sysbuild/store} by default; {@code /nix/store} computes Nix's paths
 * @param system e.g. {@code x86_64-linux}
 */
public record EvalSettings(StoreDir storeDir, String system) {
    public EvalSettings {
        if (storeDir == null || system == null) throw new NullPointerException("evaluation setting is null");
    }

    /** The default store directory and the system this JVM runs on. */
    public static EvalSettings defaults() {
        return new EvalSettings(StoreDir.DEFAULT, hostSystem());
    }

    public EvalSettings withStoreDir(StoreDir dir) {
        return new EvalSettings(dir, system);
    }

    /** The host as Nix names systems: {@code <cpu>-<kernel>}, e.g. {@code x86_64-linux}, {@code aarch64-linux}. */
    public static String hostSystem() {
        return system(System.getProperty("os.arch", ""), System.getProperty("os.name", ""));
    }

    /** The Nix system name for a JVM's {@code os.arch} and {@code os.name}. */
    static String system(String osArch, String osName) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i486", "i586", "i686" -> "i686";
            default -> arch;
        };
        String os = osName.toLowerCase(Locale.ROOT);
        String kernel = os.startsWith("mac") || os.startsWith("darwin") ? "darwin" : os.replace(" ", "");
        return cpu + "-" + kernel;
    }
}
