package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysbuild.generations.git.ConfigInit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Debian packages on a temporary root: a package set made from a directory of .deb files
 * ({@code .ci/fetch-test-debs} fills it with dash, coreutils, hello, tzdata and their
 * dependencies), a switch, and programs run in a chroot of that root (or bubblewrap), where they
 * find their libraries and interpreter through the /usr links activation made. Skips, saying
 * why, without the packages or without a way to change root.
 */
class DebianEndToEndTest {
    static final List<String> NEEDED = List.of("dash", "coreutils", "hello", "libc6", "tzdata");

    @TempDir
    Path tmp;

    static Path debs() {
        String env = System.getenv("SYSBUILD_TEST_DEBS");
        return env != null && !env.isEmpty() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache/sysbuild-test-debs");
    }

    private static String config(boolean hello) {
        return "{ pkgs, ... }: {\n  networking.hostName = \"debby\";\n  packages.debian.packageSet = ./debian.conf;\n"
                + "  users.users.alice.isNormalUser = true;\n"
                + "  users.users.bob = { isNormalUser = true; shell = pkgs.debian.dash; };\n  time.timeZone = \"Europe/Berlin\";\n"
                + "  environment.systemPackages = with pkgs.debian; [ coreutils tzdata" + (hello ? " hello" : "") + " ];\n}\n";
    }

    private static Cli sysbuild(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    @Test
    void switchRunRollbackAndSwitchBackWithRealPackages() throws Exception {
        Path debs = debs();
        assumeTrue(Files.isDirectory(debs), "no Debian packages in " + debs + " (run .ci/fetch-test-debs, or set SYSBUILD_TEST_DEBS)");
        for (String p : NEEDED) {
            try (Stream<Path> s = Files.list(debs)) {
                assumeTrue(s.anyMatch(f -> f.getFileName().toString().startsWith(p + "_")), "no " + p + "_*.deb in " + debs
                        + " (run .ci/fetch-test-debs)");
            }
        }
        Cli index = sysbuild("debian", "index", debs.toString());
        assertThat(index.err()).doesNotContain("warning");
        Path conf = tmp.resolve("config/system.conf");
        ConfigInit.create(conf.getParent(), Map.of("system.conf", config(false), "debian.conf", index.out()), "debian");
        Path root = tmp.resolve("root");
        String[] common = {"--root", root.toString(), "--no-sandbox", "-f", conf.toString()};

        Cli one = sysbuild(concat("switch", common));
        assertThat(one.out()).contains("switched to generation 1");
        assertThat(one.out() + one.err()).contains("Debian package 'dash'").contains("postinst");
        List<String> chroot = chrootCommand(root);

        String shell = run(chroot, root, "/bin/sh", "-c", "echo ok; ls /etc");
        assertThat(shell).startsWith("ok\n").contains("passwd\n").contains("hostname\n");
        assertThat(run(chroot, root, "/bin/sh", "-c", "cat /etc/hostname; date +%Z -d 2024-01-15")).isEqualTo("debby\nCET\n");
        assertThat(onPath(chroot, root, "hello")).isEqualTo("not found\n");
        // Login shells: the default is /bin/sh (environment.binsh, dash here); a shell package is its /usr path.
        assertThat(run(chroot, root, "/bin/sh", "-c", "cut -d: -f1,7 /etc/passwd; readlink -f /bin/sh"))
                .contains("alice:/bin/sh\n", "bob:/usr/bin/dash\n").containsPattern("\n/sysbuild/store/[0-9a-z]{32}-dash-[^/]+/usr/bin/dash\n$");

        Files.writeString(conf, config(true));
        sysbuild(concat("switch", common));
        assertThat(onPath(chroot, root, "hello")).isEqualTo("/usr/bin/hello\nHello, world!\n");

        sysbuild("rollback", "--root", root.toString());
        assertThat(onPath(chroot, root, "hello")).isEqualTo("not found\n");

        sysbuild(concat("switch", common));
        assertThat(onPath(chroot, root, "hello")).isEqualTo("/usr/bin/hello\nHello, world!\n");
    }

    /** Where a login shell's PATH (from /etc/profile) finds {@code program}, and what it prints. */
    private static String onPath(List<String> chroot, Path root, String program) throws Exception {
        return run(chroot, root, "/bin/sh", "-c", ". /etc/profile; if command -v " + program + "; then " + program
                + "; else echo 'not found'; fi");
    }

    /** {@code chroot ROOT}, or bubblewrap with ROOT as /, whichever can run a program there; else the test skips. */
    private static List<String> chrootCommand(Path root) throws Exception {
        List<List<String>> candidates = List.of(List.of("chroot", root.toString()),
                List.of("bwrap", "--bind", root.toString(), "/", "--dev", "/dev", "--proc", "/proc", "--unshare-all"));
        List<String> tried = new ArrayList<>();
        for (List<String> c : candidates) {
            try {
                if (exec(c, "/bin/sh", "-c", "echo ok").equals("ok\n")) return c;
                tried.add(c.get(0) + " did not run /bin/sh");
            } catch (IOException e) {
                tried.add(c.get(0) + ": " + e.getMessage());
            }
        }
        abort("cannot run a program in " + root + " (" + String.join("; ", tried) + "): chroot needs root, bwrap user namespaces");
        return List.of();
    }

    private static String run(List<String> chroot, Path root, String... command) throws Exception {
        return exec(chroot, command);
    }

    private static String exec(List<String> prefix, String... command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(all).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + all);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
