package dev.sysbuild.cli;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.generations.git.ConfigRepository;
import dev.sysbuild.generations.git.Provenance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The system configuration as the building commands see it: the toplevel of
 * {@code import <sysbuild/os> { configuration = CONFIG; }}, the password hashes that must go
 * outside the store, and the provenance of the files evaluation read.
 */
final class SystemBuild {
    private final Evaluator ev;
    /** {@code import <sysbuild/os> { configuration = CONFIG; }}, evaluated once for the toplevel and the secrets. */
    private final NixAttrs os;

    private SystemBuild(Evaluator ev, NixAttrs os) {
        this.ev = ev;
        this.os = os;
    }

    /** The OS evaluation of {@code config} (an absolute path); nothing is forced beyond its outer set. */
    static SystemBuild of(Evaluator ev, String config) {
        String expr = "import <sysbuild/os> { configuration = " + nixPath(config) + "; }";
        return new SystemBuild(ev, Force.attrs(ev.evalString(Session.STRING_SOURCE, Bytes.encode(expr), Session.cwd()), null));
    }

    /** A path literal for {@code p}, quoted so any file name works. */
    private static String nixPath(String p) {
        return "/. + \"" + p.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "\\${") + "\"";
    }

    List<BuildTargets.Target> toplevel() {
        return BuildTargets.ofValue(ev, os.get("toplevel"));
    }

    /**
     * Writes {@code config.system.build.secrets} (hex of the hash → hash) to
     * {@code R/sysbuild/var/secrets/HEX}, mode 0600, where activation reads them; never into the store.
     * Returns their names (the eval cache checks they are still there).
     */
    List<String> writeSecrets(Path root) throws IOException {
        NixAttrs cfg = Force.attrs(os.get("config"), null);
        NixAttrs secrets = Force.attrs(Force.attrs(Force.attrs(cfg.get("system"), null).get("build"), null)
                .get("secrets"), null);
        List<String> names = new ArrayList<>();
        if (secrets.size() == 0) return names;
        Path dir = root.resolve("sysbuild/var/secrets");
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        for (int i = 0; i < secrets.size(); i++) {
            String hex = secrets.name(i);
            if (!hex.matches("[0-9a-f]{64}")) throw new IOException("bad secret name '" + hex + "'");
            names.add(hex);
            Path target = dir.resolve(hex);
            if (Files.exists(target)) continue;
            byte[] value = Force.plainString(secrets.value(i), null).getBytes(StandardCharsets.ISO_8859_1);
            Path tmp = dir.resolve(".tmp-" + hex);
            Files.write(tmp, value);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return names;
    }

    /** Provenance of a build from {@code --rev}: that commit, clean by construction. */
    static Provenance revisionProvenance(String config, String rev) throws IOException {
        try (ConfigRepository r = ConfigRepository.discover(Path.of(config).getParent()).orElseThrow()) {
            return r.captureRevision(rev, Version.current(), SystemContext.clock.instant());
        }
    }

    /**
     * Provenance of the files evaluation read ({@code pathsRead}: byte strings, as the evaluator
     * reports them), or "outside git" with a one-line hint.
     */
    static Provenance provenance(List<String> pathsRead, String config, PrintStream err) throws IOException {
        Instant now = SystemContext.clock.instant();
        Optional<ConfigRepository> repo = ConfigRepository.discover(Path.of(config).getParent());
        if (repo.isEmpty()) {
            err.println("hint: " + config + " is not in a git repository; 'sysbuild init' or 'git init' there records"
                    + " which commit built each generation");
            return Provenance.outsideGit(Version.current(), now);
        }
        List<Path> read = new ArrayList<>();
        for (String f : pathsRead) read.add(Path.of(Bytes.decode(f)));
        try (ConfigRepository r = repo.get()) {
            Provenance p = r.capture(read, Version.current(), now);
            if (p.dirty()) {
                List<String> files = new ArrayList<>(p.changedFiles());
                files.addAll(p.untrackedRead());
                err.println("warning: building uncommitted changes to " + String.join(", ", files)
                        + " (the diff is recorded with the generation)");
            }
            return p;
        }
    }
}
