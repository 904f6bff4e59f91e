package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.generations.git.ConfigInit;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StoreDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily loop on a temporary root: switch, change, switch, rollback, with provenance from git. */
class SwitchEndToEndTest {
    @TempDir
    Path tmp;

    private static String config(String host, boolean bob) {
        return "{ pkgs, ... }: {\n  networking.hostName = \"" + host + "\";\n"
                + "  users.users.alice.isNormalUser = true;\n"
                + (bob ? "  users.users.bob.isNormalUser = true;\n" : "")
                + "  environment.systemPackages = [ pkgs.hello ];\n}\n";
    }

    /** What the booted machine sees at {@code /etc/NAME}: links resolved as the target resolves them. */
    private String etc(Path root, String name) throws Exception {
        StoreLayout layout = new StoreLayout(root, StoreDir.DEFAULT);
        return Files.readString(TargetPaths.resolve(layout, "/etc/" + name));
    }

    private Cli sysbuild(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    @Test
    void switchChangeSwitchRollback() throws Exception {
        Path conf = tmp.resolve("config/system.conf");
        ConfigInit.create(conf.getParent(), Map.of("system.conf", config("first", false)), "first host");
        Path root = tmp.resolve("root");
        String[] common = {"--root", root.toString(), "--no-sandbox", "-f", conf.toString()};

        Cli dry = sysbuild(concat("dry-activate", common));
        assertThat(dry.out()).contains("dry run: nothing changed");
        assertThat(root.resolve("etc")).doesNotExist();
        assertThat(root.resolve("sysbuild/var/profiles/system-1-link")).doesNotExist();

        Cli one = sysbuild(concat("switch", common));
        assertThat(one.out()).contains("switched to generation 1");
        assertThat(etc(root, "hostname")).isEqualTo("first\n");
        assertThat(etc(root, "passwd")).contains("alice:x:1000:").doesNotContain("bob:");
        assertThat(root.resolve("run/current-system")).isSymbolicLink();

        // An uncommitted change is built, said once, and recorded with the generation.
        Files.writeString(conf, config("second", true));
        String before = etc(root, "passwd");
        Cli plan = sysbuild(concat("switch", concat("--dry-run", common)));
        assertThat(plan.out()).contains("dry run");
        assertThat(etc(root, "passwd")).isEqualTo(before);
        Cli two = sysbuild(concat("switch", common));
        assertThat(two.out()).contains("switched to generation 2");
        assertThat(two.err()).contains("uncommitted changes to system.conf");
        assertThat(etc(root, "hostname")).isEqualTo("second\n");
        assertThat(etc(root, "passwd")).contains("bob:x:1001:");
        Cli show = sysbuild("generations", "show", "2", "--root", root.toString());
        assertThat(show.out()).contains("first host").contains("+  networking.hostName = \"second\";");

        // No change: no new generation.
        Cli same = Cli.run(concat("switch", common));
        assertThat(same.exitCode()).isZero();
        assertThat(root.resolve("sysbuild/var/profiles/system-3-link")).doesNotExist();

        sysbuild("rollback", "--root", root.toString());
        assertThat(etc(root, "hostname")).isEqualTo("first\n");
        assertThat(etc(root, "passwd")).doesNotContain("bob:");
        assertThat(Files.readSymbolicLink(root.resolve("sysbuild/var/profiles/system")).toString())
                .isEqualTo("system-1-link");

        // A configuration that does not evaluate changes nothing a booted machine sees.
        Files.writeString(conf, "{ networking.hostName = 42; }\n");
        Cli bad = Cli.run(concat("switch", common));
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("networking.hostName");
        assertThat(etc(root, "hostname")).isEqualTo("first\n");
        assertThat(Files.readSymbolicLink(root.resolve("sysbuild/var/profiles/system")).toString())
                .isEqualTo("system-1-link");
    }

    @Test
    void switchRevBuildsAnOlderCommitWithoutTouchingTheWorkTree() throws Exception {
        Path conf = tmp.resolve("config/system.conf");
        ConfigInit.create(conf.getParent(), Map.of("system.conf", config("old", false)), "old host");
        Files.writeString(conf, config("new", false));
        try (var git = org.eclipse.jgit.api.Git.open(conf.getParent().toFile())) {
            git.add().addFilepattern(".").call();
            var who = new org.eclipse.jgit.lib.PersonIdent("t", "t@example.org");
            git.commit().setMessage("new host").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        Path root = tmp.resolve("root");
        Cli r = sysbuild("switch", "--rev", "HEAD~1", "--root", root.toString(), "--no-sandbox", "-f", conf.toString());
        assertThat(r.out()).contains("switched to generation 1");
        assertThat(etc(root, "hostname")).isEqualTo("old\n");
        assertThat(conf).hasContent(config("new", false));
        assertThat(sysbuild("generations", "show", "1", "--root", root.toString()).out()).contains("old host");
        Cli bad = Cli.run("switch", "--rev", "nosuch", "--root", root.toString(), "--no-sandbox", "-f", conf.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown revision 'nosuch'");
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
