package dev.sysbuild.store.build;

import dev.sysbuild.store.local.AtomicFile;
import dev.sysbuild.store.NixBase32;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.local.PathLock;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StorePath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a builder program: a clean environment (the derivation's, plus Nix's usual variables; the
 * variables named in {@code passAsFile} become files in the build directory, as in Nix), a
 * fresh build directory as working directory and {@code $TMPDIR}, standard input from
 * {@code /dev/null}, standard output and error into the build log.
 *
 * <p>Paths: with the sandbox, or when the root is {@code /}, the builder sees logical store
 * paths, which is what ends up in its outputs. Without a sandbox under a root R other than
 * {@code /}, the logical paths do not exist on this machine; rather than refuse, every logical
 * store path in the builder, its arguments and its environment is rewritten to the physical one
 * (R followed by it), so {@code $out} and the inputs work. Hash parts are unchanged, so
 * reference scanning still finds every reference, but an output that records a path records the
 * physical one: build with the sandbox for outputs that must be right on the booted machine.
 */
final class ProcessRunner implements Builder {
    private static final java.nio.file.attribute.FileAttribute<?> PRIVATE_DIR =
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

    static {
        // JDK 17's default (posix_spawn through jspawnhelper) execs twice per builder, about 1.5 ms
        // more than vfork on a small machine, which is half of a trivial build. VFORK is deprecated
        // from JDK 23 on, so it is chosen only before that, and never over a user's own choice.
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null && Runtime.version().feature() < 23) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
    }

    @Override
    public void build(BuildRequest req, BuildContext ctx) throws BuildException, IOException {
        BuildSettings settings = ctx.settings();
        StoreLayout layout = ctx.layout();
        boolean sandboxed = settings.sandboxed();
        boolean rewrite = !sandboxed && !layout.physicalStoreDir().toString().equals(layout.storeDir().path());
        String logical = layout.storeDir().path() + "/";
        String physical = layout.physicalStoreDir() + "/";
        java.util.function.UnaryOperator<String> map = rewrite ? s -> s.replace(logical, physical) : s -> s;

        // Not Files.createTempDirectory: its names come from a SecureRandom, whose seeding costs a
        // short build command 10-25 ms; the name only has to be unused, and creating it exclusively checks that.
        Path buildDir = Files.createDirectory(settings.tmpDir().resolve("sysbuild-build-" + Trees.safeName(req.name())
                + "-" + AtomicFile.randomSuffix()), PRIVATE_DIR);
        Path chrootStore = sandboxed ? layout.physicalStoreDir().resolve(".tmp-build-" + random()) : null;
        // Held while the chroot store exists, so a collection meanwhile leaves it alone.
        PathLock chrootLock = sandboxed ? PathLock.acquire(layout.tempLockFile(chrootStore.getFileName().toString()),
                java.time.Duration.ofSeconds(30)) : null;
        Path sandboxEtc = null;
        try {
            if (sandboxed) sandboxEtc = Sandbox.writeEtc(settings.tmpDir());
            String top = sandboxed ? Sandbox.BUILD_DIR : buildDir.toString();
            Map<String, String> env = new TreeMap<>();
            env.put("PATH", "/path-not-set");
            env.put("HOME", "/homeless-shelter");
            env.put("NIX_STORE", layout.storeDir().path());
            env.put("NIX_BUILD_CORES", Integer.toString(settings.cores()));
            Set<String> passAsFile = Set.of(req.env().getOrDefault("passAsFile", "").trim().split("\\s+"));
            for (Map.Entry<String, String> e : req.env().entrySet()) {
                if (!passAsFile.contains(e.getKey())) {
                    env.put(e.getKey(), map.apply(e.getValue()));
                    continue;
                }
                // Nix's passAsFile: the value goes into a file in the build directory, named
                // after the variable's hash, and <name>Path says where it is.
                String fn = ".attr-" + NixBase32.encode(HashAlgo.SHA256.hash(
                        e.getKey().getBytes(StandardCharsets.ISO_8859_1)).bytes());
                Files.write(buildDir.resolve(fn), map.apply(e.getValue()).getBytes(StandardCharsets.ISO_8859_1));
                env.put(e.getKey() + "Path", (sandboxed ? Sandbox.BUILD_DIR : buildDir.toString()) + "/" + fn);
            }
            req.outputs().forEach((o, p) -> env.put(o, map.apply(layout.storeDir().print(p))));
            for (String v : List.of("NIX_BUILD_TOP", "TMPDIR", "TEMPDIR", "TMP", "TEMP", "PWD")) env.put(v, top);

            List<String> command = new ArrayList<>();
            if (sandboxed) {
                Files.createDirectory(chrootStore);
                command.addAll(Sandbox.command(settings.bwrap().get(), req, layout, buildDir, chrootStore,
                        sandboxEtc, settings.sandboxPaths()));
            }
            command.add(map.apply(req.builder()));
            for (String a : req.args()) command.add(map.apply(a));
            int status = run(command, env, buildDir, ctx.logFile());
            if (status != 0) throw failed(layout.storeDir().print(req.drvPath()), status, ctx.logFile());
            if (sandboxed) moveOutputs(req, layout, chrootStore);
        } finally {
            Trees.deleteRecursively(buildDir);
            if (sandboxEtc != null) Trees.deleteRecursively(sandboxEtc);
            if (chrootStore != null) {
                try {
                    Trees.deleteRecursively(chrootStore);
                    chrootLock.deleteFileQuietly();
                } finally {
                    chrootLock.close();
                }
            }
        }
    }

    private static int run(List<String> command, Map<String, String> env, Path dir, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(toNative(command));
        Map<String, String> pe = pb.environment();
        pe.clear();
        env.forEach((k, v) -> pe.put(toNative(k), toNative(v)));
        pb.directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            Files.writeString(log, "cannot run '" + command.get(0) + "': " + e.getMessage() + "\n");
            return 127;
        }
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the builder", e);
        }
    }

    /** The sandboxed builder wrote its outputs into the chroot store; they move to their real place. */
    private static void moveOutputs(BuildRequest req, StoreLayout layout, Path chrootStore) throws IOException {
        for (StorePath out : req.outputs().values()) {
            Path made = chrootStore.resolve(out.baseName());
            if (Files.exists(made, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(made, layout.physical(out), StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /** Nix's message: the derivation, the exit status, the end of the log and where the rest is. */
    static BuildException failed(String drv, int status, Path log) throws IOException {
        StringBuilder sb = new StringBuilder("builder for '").append(drv).append("' failed with exit code ")
                .append(status);
        List<String> tail = BuildLogs.tail(log, 20);
        if (tail.isEmpty()) {
            sb.append(" and printed nothing");
        } else {
            sb.append(";\nlast ").append(tail.size()).append(" log lines:");
            for (String line : tail) sb.append("\n> ").append(line);
        }
        sb.append("\nFor the full log, run 'sysbuild store log ").append(drv).append("'.");
        return new BuildException(sb.toString());
    }

    /**
     * Byte strings (one char per byte) as the strings {@link ProcessBuilder} encodes with the
     * platform charset: exact for any bytes that are valid in it (UTF-8 on every usual locale).
     */
    private static String toNative(String byteString) {
        return new String(byteString.getBytes(StandardCharsets.ISO_8859_1), Charset.defaultCharset());
    }

    private static List<String> toNative(List<String> strings) {
        List<String> out = new ArrayList<>(strings.size());
        for (String s : strings) out.add(toNative(s));
        return out;
    }

    private static String random() {
        return AtomicFile.randomSuffix();
    }
}
