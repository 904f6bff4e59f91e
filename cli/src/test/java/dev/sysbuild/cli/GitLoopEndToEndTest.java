package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration in git, through the CLI on real repositories: init, switch, commit, switch,
 * diff and log; dirty builds, {@code --rev}, {@code --require-clean}, and a directory outside git.
 */
class GitLoopEndToEndTest {
    @TempDir
    Path tmp;

    /** Events an hour apart, after the real time of `sysbuild init`'s first commit. */
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private int hour;

    /** The next hour: commits and generations made after this happen then. */
    private Instant later() {
        Instant t = start.plus(++hour, ChronoUnit.HOURS);
        SystemContext.clock = Clock.fixed(t, ZoneOffset.UTC);
        return t;
    }

    @AfterEach
    void realClock() {
        SystemContext.clock = Clock.systemUTC();
    }

    private static Cli ok(Cli r) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    private void commit(Path dir, String message) throws Exception {
        try (Git git = Git.open(dir.toFile())) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Tess Ter", "tess@example.org", later(), ZoneOffset.UTC);
            git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertThat(s).contains(from);
        Files.writeString(file, s.replace(from, to));
    }

    @Test
    void initSwitchCommitSwitchThenDiffAndLogShowTheCommitTheTextAndTheEtcChange() throws Exception {
        Path dir = tmp.resolve("config");
        Path conf = dir.resolve("system.conf");
        Path root = tmp.resolve("root");
        ok(Cli.run("init", dir.toString()));
        String[] sw = {"switch", "--root", root.toString(), "--no-sandbox", "-f", conf.toString()};
        later();
        Cli first = ok(Cli.run(sw));
        assertThat(first.out()).contains("switched to generation 1");
        assertThat(first.err()).doesNotContain("uncommitted");

        edit(conf, "networking.hostName = \"sysbuild\";", "networking.hostName = \"web1\";");
        commit(dir, "Name the machine web1");
        later();
        ok(Cli.run(sw));

        Cli diff = ok(Cli.run("generations", "diff", "--root", root.toString()));
        assertThat(diff.out()).contains("generation 1 -> 2", "  commits:", "Name the machine web1",
                "  configuration changes:", "-  networking.hostName = \"sysbuild\";",
                "+  networking.hostName = \"web1\";", "~ /etc/hostname", "-sysbuild", "+web1");
        // The configuration's text diff comes before the system's changes.
        assertThat(diff.out().indexOf("configuration changes:")).isLessThan(diff.out().indexOf("/etc:"));

        Cli list = ok(Cli.run("generations", "list", "--root", root.toString()));
        assertThat(list.out()).contains("Name the machine web1", "Initial configuration (sysbuild init)");

        // A commit nobody built yet, then the log: newest first, with markers.
        edit(conf, "pkgs.hello", "pkgs.hello pkgs.cowsay");
        commit(dir, "Add cowsay");
        Cli log = ok(Cli.run("log", "--root", root.toString(), "-f", conf.toString()));
        List<String> lines = log.out().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).contains("Add cowsay", "[never built]");
        assertThat(lines.get(1)).contains("generation 2 (current, boot default)");
        assertThat(lines.get(2)).contains("Name the machine web1", "[built: generation 2]");
        assertThat(lines.get(3)).contains("generation 1  from");
        assertThat(lines.get(4)).contains("Initial configuration", "[built: generation 1]");

        later();
        // The same as data: newest first, each entry a commit or a generation.
        Object parsed = dev.sysbuild.store.json.Json.parse(ok(Cli.run("log", "--json", "--root", root.toString(), "-f",
                conf.toString())).out());
        assertThat(parsed).isInstanceOf(List.class);
        List<?> entries = (List<?>) parsed;
        assertThat(entries).hasSize(5);
        assertThat(entry(entries, 0)).containsEntry("type", "commit").containsEntry("subject", "Add cowsay")
                .containsEntry("builtBy", List.of());
        assertThat(entry(entries, 1)).containsEntry("type", "generation").containsEntry("generation", 2L)
                .containsEntry("current", true).containsEntry("bootDefault", true).containsEntry("dirty", false);
        assertThat(entry(entries, 2)).containsEntry("builtBy", List.of(2L));
        ok(Cli.run("rollback", "--root", root.toString()));
        Cli after = ok(Cli.run("log", "--root", root.toString(), "-f", conf.toString(), "-n", "2"));
        assertThat(after.out().lines()).hasSize(2);
        assertThat(after.out()).contains("generation 2  from").doesNotContain("generation 2 (");
        Cli all = ok(Cli.run("log", "--root", root.toString(), "-f", conf.toString()));
        assertThat(all.out()).contains("generation 1 (current, boot default)");

        assumeTrue(GitTool.present(), "command-line git is not installed: the check that git reads our repository is skipped");
        assertThat(GitTool.run(dir, "fsck", "--strict").exitCode()).isZero();
        assertThat(GitTool.run(dir, "log", "--format=%s").out())
                .isEqualTo("Add cowsay\nName the machine web1\nInitial configuration (sysbuild init)\n");
        assertThat(GitTool.run(dir, "status", "--porcelain").out()).isEmpty();
    }

    @Test
    void commitSubjectsAndConfigurationTextBeyondAsciiReachTheTerminalAsUtf8() throws Exception {
        Path dir = tmp.resolve("config");
        Path conf = dir.resolve("system.conf");
        Path root = tmp.resolve("root");
        ok(Cli.run("init", dir.toString()));
        String[] sw = {"switch", "--root", root.toString(), "--no-sandbox", "-f", conf.toString()};
        edit(conf, "networking.hostName = \"sysbuild\";",
                "networking.hostName = \"sysbuild\"; environment.etc.\"motd\".text = \"before\\n\";");
        commit(dir, "A motd");
        later();
        ok(Cli.run(sw));
        edit(conf, "\"before\\n\"", "\"café — crème\\n\"");
        String subject = "Renommer la machine — café, crème brûlée et une très longue fin";
        commit(dir, subject);
        later();
        Cli second = ok(Cli.run(sw));
        // (Cli decodes what the streams carry as UTF-8: text written as one byte per char would
        // come back as U+FFFD, and "—" as "?".)
        assertThat(second.out()).contains("~ /etc/motd", "-before", "+café — crème").doesNotContain("\uFFFD");
        assertThat(ok(Cli.run("log", "--root", root.toString(), "-f", conf.toString())).out()).contains(subject);
        assertThat(ok(Cli.run("log", "--json", "--root", root.toString(), "-f", conf.toString())).out()).contains(subject);
        // The table cuts long subjects with an ellipsis.
        assertThat(ok(Cli.run("generations", "list", "--root", root.toString())).out())
                .contains("Renommer la machine — café, crème brûlée et une\u2026");
        assertThat(ok(Cli.run("generations", "show", "2", "--root", root.toString())).out()).contains(subject);
        assertThat(ok(Cli.run("generations", "diff", "--root", root.toString())).out())
                .contains(subject, "+  networking.hostName = \"sysbuild\"; environment.etc.\"motd\".text = \"café — crème\\n\";",
                        "+café — crème");
    }

    @Test
    void aDirtySwitchRecordsThePatchAndRequireCleanRefuses() throws Exception {
        Path dir = tmp.resolve("config");
        Path conf = dir.resolve("system.conf");
        Path root = tmp.resolve("root");
        ok(Cli.run("init", dir.toString()));
        edit(conf, "networking.hostName = \"sysbuild\";", "networking.hostName = \"scratch\";");

        Cli refused = Cli.run("switch", "--require-clean", "--root", root.toString(), "--no-sandbox", "-f", conf.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("system.conf", "--require-clean");
        assertThat(root.resolve("sysbuild/var/profiles/system-1-link")).doesNotExist();
        assertThat(root.resolve("etc")).doesNotExist();

        Cli dirty = ok(Cli.run("switch", "--root", root.toString(), "--no-sandbox", "-f", conf.toString()));
        // Said once, not once per file read or per step.
        assertThat(dirty.err().split("uncommitted changes", -1)).hasSize(2);
        Cli show = ok(Cli.run("generations", "show", "1", "--root", root.toString()));
        assertThat(show.out()).contains("uncommitted changes to system.conf",
                "-  networking.hostName = \"sysbuild\";", "+  networking.hostName = \"scratch\";");
        assertThat(ok(Cli.run("generations", "list", "--root", root.toString())).out()).containsPattern("[0-9a-f]{8}\\+");
        assertThat(ok(Cli.run("log", "--root", root.toString(), "-f", conf.toString())).out())
                .contains("+ uncommitted changes to system.conf", "[built only with uncommitted changes: generation 1]");
    }

    @Test
    void revBuildsAnOldCommitLeavingWorkTreeAndIndexByteIdentical() throws Exception {
        Path dir = tmp.resolve("config");
        Path conf = dir.resolve("system.conf");
        Path root = tmp.resolve("root");
        ok(Cli.run("init", dir.toString()));
        Files.writeString(dir.resolve("motd.txt"), "from the first commit\n");
        edit(conf, "services.openssh.enable = false;",
                "services.openssh.enable = false;\n  environment.etc.motd.text = builtins.readFile ./motd.txt;");
        commit(dir, "motd from a file");
        Files.writeString(dir.resolve("motd.txt"), "second\n");
        commit(dir, "second motd");
        // Edits in the work tree, one of them staged, and an untracked file.
        Files.writeString(dir.resolve("motd.txt"), "work tree, staged\n");
        try (Git git = Git.open(dir.toFile())) {
            git.add().addFilepattern("motd.txt").call();
        }
        Files.writeString(dir.resolve("motd.txt"), "work tree, not staged\n");
        Files.writeString(dir.resolve("notes.txt"), "untracked\n");
        Map<String, byte[]> before = snapshot(dir);

        Cli r = ok(Cli.run("switch", "--rev", "HEAD~1", "--root", root.toString(), "--no-sandbox", "-f", conf.toString()));
        assertThat(r.out()).contains("switched to generation 1");
        assertThat(r.err()).doesNotContain("uncommitted");
        StoreLayout layout = new StoreLayout(root, StoreDir.DEFAULT);
        assertThat(Files.readString(TargetPaths.resolve(layout, "/etc/motd"))).isEqualTo("from the first commit\n");
        Map<String, byte[]> after = snapshot(dir);
        assertThat(after).containsOnlyKeys(before.keySet());
        before.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));
        assertThat(ok(Cli.run("generations", "show", "1", "--root", root.toString())).out())
                .contains("motd from a file");
        assertThat(ok(Cli.run("log", "--root", root.toString(), "-f", conf.toString())).out())
                .contains("(--rev HEAD~1)", "second motd  [never built]");
    }

    @Test
    void aConfigurationOutsideGitWorksWithOneHint() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        Path conf = dir.resolve("system.conf");
        Files.writeString(conf, "{ networking.hostName = \"plain\"; }\n");
        Path root = tmp.resolve("root");
        Cli r = ok(Cli.run("switch", "--root", root.toString(), "--no-sandbox", "-f", conf.toString()));
        assertThat(r.err().lines().filter(l -> l.startsWith("hint:")).count()).isEqualTo(1);
        assertThat(r.err()).contains("not in a git repository");
        assertThat(ok(Cli.run("generations", "show", "1", "--root", root.toString())).out()).contains("outside git");
        Cli log = ok(Cli.run("log", "--root", root.toString(), "-f", conf.toString()));
        assertThat(log.out()).contains("generation 1 (current, boot default)  from a configuration outside git");
        assertThat(log.err()).contains("hint: no git repository holds");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(List<?> entries, int i) {
        return (Map<String, Object>) entries.get(i);
    }

    /** Every file under dir, .git included (index, refs, objects), by relative path. */
    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
        return out;
    }
}
