package dev.sysbuild.store.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How a run builds.
 *
 * @param jobs how many builds run at once
 * @param cores what {@code NIX_BUILD_CORES} tells each builder
 * @param bwrap the bubblewrap program when builds are sandboxed, empty when they run directly
 * @param sandboxPaths host paths visible in the sandbox besides the input closure: {@code PATH}
 *     (bound read-only at the same place) or {@code INSIDE=OUTSIDE}; missing ones are skipped
 * @param hostSystem the system this machine builds for (e.g. {@code x86_64-linux})
 * @param tmpDir where build directories are made
 */
public record BuildSettings(int jobs, int cores, Optional<Path> bwrap, List<String> sandboxPaths, String hostSystem,
        Path tmpDir) {
    /** The host paths a {@code /bin/sh} builder needs: the shell and the libraries it links with. */
    public static final List<String> DEFAULT_SANDBOX_PATHS = List.of("/bin", "/lib", "/lib64", "/usr");

    public BuildSettings {
        if (jobs < 1) throw new IllegalArgumentException("the number of jobs must be at least 1, not " + jobs);
        sandboxPaths = List.copyOf(sandboxPaths);
    }

    /** Builds without a sandbox, one job per core, in the JVM's temporary directory. */
    public static BuildSettings defaults(String hostSystem) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new BuildSettings(cores, cores, Optional.empty(), DEFAULT_SANDBOX_PATHS, hostSystem,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    public BuildSettings withJobs(int n) {
        return new BuildSettings(n, cores, bwrap, sandboxPaths, hostSystem, tmpDir);
    }

    public BuildSettings withSandbox(Optional<Path> bwrapProgram) {
        return new BuildSettings(jobs, cores, bwrapProgram, sandboxPaths, hostSystem, tmpDir);
    }

    public BuildSettings withSandboxPaths(List<String> paths) {
        return new BuildSettings(jobs, cores, bwrap, paths, hostSystem, tmpDir);
    }

    public BuildSettings withTmpDir(Path dir) {
        return new BuildSettings(jobs, cores, bwrap, sandboxPaths, hostSystem, dir);
    }

    public boolean sandboxed() {
        return bwrap.isPresent();
    }

    /** The first {@code bwrap} on {@code path} (a {@code PATH}-style list), if any. */
    public static Optional<Path> findBwrap(String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, "bwrap");
            if (java.nio.file.Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
