package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation cache through the CLI: a second run with nothing changed takes the toplevel
 * from the cache without evaluating ({@code -v} says "eval cache: hit", and its timings have no
 * evaluation phase); anything evaluation depended on that changes makes it evaluate again.
 */
class EvalCacheTest {
    @TempDir
    Path tmp;
    Path conf;
    Path root;
    BootedMachine machine;
    final Map<String, String> env = new HashMap<>(System.getenv());

    @BeforeEach
    void setUp() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        conf = dir.resolve("system.conf");
        // Every kind of input: an import, a directory listing, an environment variable, a copied file.
        Files.writeString(conf, """
                { lib, ... }: {
                  imports = [ ./extra.nix ]
                    ++ map (n: ./modules + "/${n}") (lib.attrNames (builtins.readDir ./modules));
                  environment.etc.greeting.text = builtins.getEnv "SB_GREETING";
                  environment.etc.data.source = ./data.txt;
                }
                """);
        Files.writeString(dir.resolve("extra.nix"), "{ networking.hostName = \"one\"; }\n");
        Files.createDirectories(dir.resolve("modules"));
        Files.writeString(dir.resolve("modules/a.nix"), "{ environment.etc.a.text = \"a\"; }\n");
        Files.writeString(dir.resolve("data.txt"), "data 1\n");
        root = tmp.resolve("root");
        machine = new BootedMachine(root);
        env.put("SB_GREETING", "hello");
        BuildCommand.environment = () -> env;
        // The files were written a moment ago; the margin for coarse file times has its own test.
        SystemEvalCache.raceMargin = java.time.Duration.ZERO;
    }

    @AfterEach
    void tearDown() {
        BuildCommand.environment = System::getenv;
        SystemEvalCache.version = Version::current;
        SystemEvalCache.raceMargin = dev.sysbuild.cli.evalcache.EvalCache.RACE_MARGIN;
    }

    private Cli run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "-v", "--root", root.toString(), "--no-sandbox", "-f", conf.toString()));
        args.addAll(List.of(more));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    /** A switch that evaluated: no cache hit, and an evaluation phase in its timings. */
    private Cli evaluated(String why) {
        Cli r = run("switch");
        assertThat(r.err()).contains("eval cache: miss (" + why).doesNotContain("eval cache: hit")
                .contains(", evaluation ");
        return r;
    }

    private Cli hit() throws Exception {
        String active = machine.toplevelOf("/run/current-system");
        Cli r = run("switch");
        assertThat(r.err()).contains("eval cache: hit, " + active)
                .doesNotContain(", evaluation ");
        return r;
    }

    @Test
    void aSecondSwitchWithNothingChangedDoesNotEvaluate() throws Exception {
        Cli first = evaluated("no entry");
        assertThat(first.err()).contains("eval cache: recorded");
        String top = machine.toplevelOf("/run/current-system");
        Cli second = hit();
        assertThat(second.out()).contains("no changes: " + top + " is the active system");
        assertThat(machine.toplevelOf("/run/current-system")).isEqualTo(top);
        assertThat(root.resolve("sysbuild/var/profiles/system-2-link")).doesNotExist();
        // --no-eval-cache evaluates, and gets the same toplevel.
        Cli off = run("switch", "--no-eval-cache");
        assertThat(off.err()).doesNotContain("eval cache:").contains(", evaluation ");
        assertThat(machine.toplevelOf("/run/current-system")).isEqualTo(top);
    }

    @Test
    void aHitSaysTheWarningsEvaluationPrinted() throws Exception {
        Files.writeString(conf.resolveSibling("extra.nix"),
                "{ networking.hostName = \"one\"; warnings = [ \"mind the gap\" ]; }\n");
        evaluated("no entry");
        assertThat(hit().err()).contains("trace: warning: mind the gap");
    }

    @Test
    void anEditToAnImportedFileMisses() throws Exception {
        evaluated("no entry");
        hit();
        Files.writeString(conf.resolveSibling("extra.nix"), "{ networking.hostName = \"two\"; }\n");
        evaluated("'" + conf.resolveSibling("extra.nix") + "' changed");
        assertThat(machine.read("/etc/hostname")).isEqualTo("two\n");
        hit();
    }

    @Test
    void aChangedEnvironmentVariableMisses() throws Exception {
        evaluated("no entry");
        env.put("SB_GREETING", "bonjour");
        evaluated("environment variable SB_GREETING changed");
        assertThat(machine.read("/etc/greeting")).isEqualTo("bonjour");
        hit();
        env.remove("SB_GREETING");
        evaluated("environment variable SB_GREETING changed");
    }

    @Test
    void aNewFileInADirectoryEvaluationListedMisses() throws Exception {
        evaluated("no entry");
        Files.writeString(conf.resolveSibling("modules/b.nix"), "{ environment.etc.b.text = \"b\"; }\n");
        evaluated("directory '" + conf.resolveSibling("modules") + "' changed");
        assertThat(machine.read("/etc/b")).isEqualTo("b");
        hit();
    }

    @Test
    void aChangedCopiedFileMisses() throws Exception {
        evaluated("no entry");
        Files.writeString(conf.resolveSibling("data.txt"), "data 2\n");
        evaluated("'" + conf.resolveSibling("data.txt") + "' changed");
        assertThat(machine.read("/etc/data")).isEqualTo("data 2\n");
    }

    @Test
    void anotherSysbuildVersionMisses() throws Exception {
        evaluated("no entry");
        SystemEvalCache.version = () -> "9.9.9";
        evaluated("no entry");
        SystemEvalCache.version = Version::current;
        hit();
    }

    @Test
    void aDamagedEntryIsIgnoredAndReplaced() throws Exception {
        evaluated("no entry");
        List<Path> entries;
        try (Stream<Path> s = Files.list(root.resolve("sysbuild/var/cache/eval"))) {
            entries = s.toList();
        }
        assertThat(entries).hasSize(1);
        Files.writeString(entries.get(0), "{ \"version\": 1, \"toplevel\": ");
        evaluated("the entry " + entries.get(0) + " is unreadable or damaged");
        hit();
    }

    @Test
    void aMissingSecretOrToplevelMisses() throws Exception {
        Files.writeString(conf.resolveSibling("extra.nix"),
                "{ networking.hostName = \"one\"; users.users.alice = { isNormalUser = true; hashedPassword = \"$6$x$y\"; }; }\n");
        evaluated("no entry");
        Path secrets = root.resolve("sysbuild/var/secrets");
        List<Path> written;
        try (Stream<Path> s = Files.list(secrets)) {
            written = s.toList();
        }
        assertThat(written).hasSize(1);
        Files.delete(written.get(0));
        evaluated("secret " + written.get(0).getFileName() + " is missing");
        assertThat(written.get(0)).exists();
        hit();

        // A toplevel that only a build made (no generation, no link) is collected; the entry then misses.
        Files.writeString(conf.resolveSibling("extra.nix"), "{ networking.hostName = \"three\"; }\n");
        Cli build = Cli.run("build", "-v", "--no-link", "--root", root.toString(), "--no-sandbox", "-f", conf.toString());
        assertThat(build.err()).contains("eval cache: recorded");
        String built = build.out().trim();
        assertThat(Cli.run("gc", "--root", root.toString()).out()).contains(built);
        Cli again = Cli.run("build", "-v", "--no-link", "--root", root.toString(), "--no-sandbox", "-f", conf.toString());
        assertThat(again.err()).contains("eval cache: miss (" + built + " is no longer in the store)");
        assertThat(again.out().trim()).isEqualTo(built);
    }

    @Test
    void aCopiedFileChangedJustBeforeIsNotTrusted() throws Exception {
        SystemEvalCache.raceMargin = dev.sysbuild.cli.evalcache.EvalCache.RACE_MARGIN;
        Files.writeString(conf.resolveSibling("data.txt"), "data 2\n");
        // As a write during evaluation would leave it, however slowly this test gets there.
        Files.setLastModifiedTime(conf.resolveSibling("data.txt"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().plusSeconds(5)));
        Cli r = evaluated("no entry");
        assertThat(r.err()).contains("eval cache: not recorded: '" + conf.resolveSibling("data.txt")
                + "' changed while evaluating (or just before)");
        evaluated("no entry");
    }

    /** A hit still knows which files evaluation read, so provenance sees an uncommitted import. */
    @Test
    void aHitStillChecksTheFilesItReadAgainstGit() throws Exception {
        Path dir = conf.getParent();
        try (var git = org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).call()) {
            git.add().addFilepattern(".").call();
            var who = new org.eclipse.jgit.lib.PersonIdent("t", "t@example.org");
            git.commit().setMessage("config").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        Files.writeString(dir.resolve("extra.nix"), "{ networking.hostName = \"two\"; }\n");
        Cli miss = evaluated("no entry");
        assertThat(miss.err()).contains("warning: building uncommitted changes to extra.nix");
        Cli again = hit();
        assertThat(again.err()).contains("warning: building uncommitted changes to extra.nix");
        Cli refused = Cli.run("switch", "-v", "--require-clean", "--root", root.toString(), "--no-sandbox", "-f", conf.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("eval cache: hit", "--require-clean: commit or stash the changes first");
    }

    @Test
    void anEvaluationThatReadsTheTimeIsNotRecorded() throws Exception {
        Files.writeString(conf.resolveSibling("extra.nix"),
                "{ networking.hostName = \"one\"; environment.etc.now.text = toString builtins.currentTime; }\n");
        Cli r = evaluated("no entry");
        assertThat(r.err()).contains("eval cache: not recorded: it uses builtins.currentTime");
        evaluated("no entry");
    }

    @Test
    void buildFileRemembersItsTargetsUntilTheFileOrAnOutputChanges() throws Exception {
        Path expr = Files.writeString(tmp.resolve("pkgs.nix"), """
                let mk = name: derivation { inherit name; system = builtins.currentSystem; builder = "/bin/sh";
                      args = [ "-c" "echo ${name} > $out" ]; };
                in { a = mk "a"; b = mk "b"; }
                """);
        String[] build = {"build", "-v", "--root", root.toString(), "--no-sandbox", "--no-link", expr.toString()};
        Cli first = Cli.run(build);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).contains("eval cache: miss (no entry)", "eval cache: recorded");
        Cli again = Cli.run(build);
        assertThat(again.err()).contains("eval cache: hit, 2 target(s)").doesNotContain(", evaluation ");
        assertThat(again.out()).isEqualTo(first.out());
        // Another attribute path is another key; a changed file and a collected output are misses.
        String[] onlyB = {"build", "-v", "--root", root.toString(), "--no-sandbox", "--no-link", "-A", "b", expr.toString()};
        assertThat(Cli.run(onlyB).err()).contains("eval cache: miss (no entry)");
        Files.writeString(expr, Files.readString(expr).replace("b = mk \"b\"", "b = mk \"c\""));
        Cli edited = Cli.run(build);
        assertThat(edited.err()).contains("eval cache: miss (").contains("pkgs.nix");
        assertThat(edited.out()).contains("-c\n").isNotEqualTo(first.out());
        Path out = root.resolve(edited.out().lines().toList().get(1).substring(1));
        assertThat(Cli.run("gc", "--root", root.toString()).exitCode()).isZero();
        assertThat(out).doesNotExist();
        Cli rebuilt = Cli.run(build);
        assertThat(rebuilt.err()).contains("is no longer in the store");
        assertThat(out).exists();
    }
}
