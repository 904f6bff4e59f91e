package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.generations.activation.Activator;
import dev.sysbuild.generations.activation.SystemSwitch;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rollback, activate and generations list/show/diff/delete, run as a user would, on a temporary root. */
class GenerationCommandsTest {
    @TempDir
    Path root;
    TestSystems systems;
    SystemProfile profile;
    final List<String> log = new ArrayList<>();

    /** Thrown by the crash seam instead of halting the test JVM. */
    static final class Crash extends Error {
        Crash(String step) {
            super("crash at " + step);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        systems = new TestSystems(root);
        profile = new SystemProfile(ProfileLayout.of(root, StoreDir.DEFAULT), Clock.systemUTC(), CrashPoints.none());
        SystemContext.crash = step -> {
            throw new Crash(step);
        };
    }

    @AfterEach
    void tearDown() {
        SystemContext.environment = System::getenv;
        SystemContext.clock = Clock.systemUTC();
    }

    /** What the lead's switch command will do: here through the API, since build is not wired yet. */
    StorePath switchTo(String motd, List<String> users, List<String> pkgs) throws Exception {
        StorePath t = systems.build(motd, users, pkgs);
        new SystemSwitch(profile, new Activator(profile, Optional.empty(), CrashPoints.none(), log::add, Clock.systemUTC()),
                Optional.of(dev.sysbuild.generations.BootEntriesWriter.standard(profile.layout().store(), log::add)), log::add)
                .switchTo(t, Map.of());
        return t;
    }

    @Test
    void rollbackGoesBackAndForthAndSaysWhere() throws Exception {
        switchTo("one\n", List.of(), List.of());
        StorePath two = switchTo("two\n", List.of("bob"), List.of());
        Cli r = Cli.run("rollback", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("boot entries (systemd-boot): generations 2, 1, default 1");
        assertThat(root.resolve("boot/loader/entries/sysbuild-2+3.conf")).content().contains("sort-key sysbuild-newer");
        assertThat(root.resolve("boot/loader/entries/sysbuild-1+3.conf")).content()
                .contains("init=/sysbuild/var/profiles/system-1-link/init", "sort-key sysbuild\n");
        assertThat(r.out()).startsWith("now at generation 1 (/sysbuild/store/");
        assertThat(profile.bootDefault()).hasValue(1);
        assertThat(Files.readString(root.resolve("etc/passwd"))).doesNotContain("bob");
        Cli forward = Cli.run("--root", root.toString(), "rollback", "--to", "2");
        assertThat(forward.exitCode()).isZero();
        assertThat(profile.currentSystem()).hasValue(two);
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("bob:x:1001:");
        Cli bad = Cli.run("rollback", "--root", root.toString(), "--to", "7");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("error: generation 7 does not exist (generations: 1, 2)\n");
    }

    @Test
    void activateAppliesTheBootDefaultAndFinishesACrashedActivation() throws Exception {
        switchTo("one\n", List.of(), List.of());
        StorePath two = systems.build("two\n", List.of(), List.of());
        profile.addGeneration(two, Map.of());
        profile.setBootDefault(2);
        SystemContext.environment = name -> name.equals("SYSBUILD_FAIL_AT") ? "etc-midway" : null;
        try {
            Cli.run("activate", "--root", root.toString());
            throw new AssertionError("the crash seam should have fired");
        } catch (Crash expected) {
            // as if the machine lost power half-way
        }
        SystemContext.environment = System::getenv;
        Cli r = Cli.run("activate", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("an earlier activation of /sysbuild/store/" + two.baseName() + " did not finish");
        assertThat(r.out()).startsWith("activated generation 2");
        assertThat(profile.currentSystem()).hasValue(two);
        assertThat(Files.readSymbolicLink(root.resolve("etc/motd")).toString()).isEqualTo("/etc/static/motd");
        assertThat(Files.readSymbolicLink(root.resolve("etc/static")).toString()).isEqualTo("/sysbuild/store/" + two.baseName() + "/etc");
    }

    @Test
    void activateDryRunPrintsThePlanAndChangesNothing() throws Exception {
        switchTo("one\n", List.of(), List.of());
        StorePath two = systems.build("two\n", List.of("carol"), List.of());
        profile.addGeneration(two, Map.of());
        profile.setBootDefault(2);
        Cli r = Cli.run("activate", "--dry-run", "--root", root.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("activate /sysbuild/store/" + two.baseName(), "new user carol: uid 1001");
        assertThat(Files.readString(root.resolve("etc/passwd"))).doesNotContain("carol");
    }

    /** What init runs at boot: the generation the boot entry named, which need not be the boot default. */
    @Test
    void activateDirActivatesTheGenerationInitRanFrom() throws Exception {
        StorePath one = switchTo("one\n", List.of(), List.of());
        StorePath two = switchTo("two\n", List.of("bob"), List.of());
        Cli r = Cli.run("activate", "/sysbuild/var/profiles/system-1-link", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("activated generation 1 (/sysbuild/store/" + one.baseName() + ")\n");
        assertThat(profile.currentSystem()).hasValue(one);
        assertThat(profile.bootDefault()).hasValue(2);
        assertThat(Files.readString(root.resolve("etc/passwd"))).doesNotContain("bob");
        // The same link with the root in front, and a toplevel itself.
        Cli physical = Cli.run("activate", root.resolve("sysbuild/var/profiles/system-2-link").toString(), "--root", root.toString());
        assertThat(physical.out()).as(physical.err()).startsWith("activated generation 2 ");
        assertThat(profile.currentSystem()).hasValue(two);
        Cli store = Cli.run("activate", "/sysbuild/store/" + one.baseName(), "--root", root.toString());
        assertThat(store.out()).as(store.err()).contains("activated /sysbuild/store/" + one.baseName());
        assertThat(profile.currentSystem()).hasValue(one);
        Cli dry = Cli.run("activate", "--dry-run", "/sysbuild/var/profiles/system-2-link", "--root", root.toString());
        assertThat(dry.out()).startsWith("activate /sysbuild/store/" + two.baseName());
        assertThat(profile.currentSystem()).hasValue(one);
        Cli missing = Cli.run("activate", "/sysbuild/var/profiles/system-9-link", "--root", root.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).startsWith("error: /sysbuild/var/profiles/system-9-link is not a generation");
        Cli notStore = Cli.run("activate", "/etc", "--root", root.toString());
        assertThat(notStore.exitCode()).isEqualTo(1);
        assertThat(profile.currentSystem()).hasValue(one);
    }

    @Test
    void listShowsGenerationsAsATableAndAsJson() throws Exception {
        switchTo("one\n", List.of(), List.of("hello-1.0"));
        switchTo("two\n", List.of(), List.of("hello-1.1", "jq-1.7"));
        Cli table = Cli.run("generations", "list", "--root", root.toString());
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().toList()).hasSize(3);
        assertThat(table.out().lines().toList().get(2)).startsWith("2 ").contains("current,boot", "test", "6.1.0");
        Cli json = Cli.run("generations", "--root", root.toString(), "list", "--json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.parse(json.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsEntry("generation", 2L).containsEntry("current", true).containsEntry("bootDefault", true)
                .containsEntry("packages", 2L).containsEntry("kernelVersion", "6.1.0");
        assertThat((String) rows.get(0).get("date")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*Z");
        assertThat((Long) rows.get(0).get("closureSize")).isPositive();
    }

    @Test
    void diffComparesThePreviousWithTheCurrentByDefault() throws Exception {
        switchTo("hello\nold\n", List.of(), List.of("hello-1.0"));
        switchTo("hello\nnew\n", List.of("bob"), List.of("hello-1.1"));
        Cli r = Cli.run("generations", "diff", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("generation 1 -> 2\n").contains("  ~ hello 1.0 -> 1.1\n", "  ~ /etc/motd\n",
                "    -old\n", "    +new\n", "users:\n  + bob\n", "closure size: ");
        Cli explicit = Cli.run("generations", "diff", "2", "1", "--root", root.toString());
        assertThat(explicit.out()).startsWith("generation 2 -> 1\n").contains("  - bob\n");
        assertThat(Cli.run("generations", "diff", "1", "--root", root.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void showPrintsOneGeneration() throws Exception {
        StorePath t = switchTo("one\n", List.of(), List.of("hello-1.0"));
        Cli r = Cli.run("generations", "show", "1", "--root", root.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("generation 1 (boot default) (current)\n")
                .contains("toplevel: /sysbuild/store/" + t.baseName(), "kernel:   6.1.0", "packages (1):")
                .doesNotContain("summary");
    }

    @Test
    void deleteByNumberKeepCountAndAgeNeverTheBootDefaultOrTheActiveOne() throws Exception {
        for (int i = 1; i <= 5; i++) switchTo("gen" + i + "\n", List.of(), List.of());
        profile.setBootDefault(4);
        Cli refused = Cli.run("generations", "delete", "3", "4", "--root", root.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("generation 4 is the boot default");
        assertThat(profile.generations()).hasSize(5);
        Cli two = Cli.run("generations", "delete", "2", "--root", root.toString());
        assertThat(two.out()).isEqualTo("deleted generation 2\n");
        Cli keep = Cli.run("generations", "delete", "+1", "--root", root.toString());
        assertThat(keep.exitCode()).isZero();
        // +1 keeps the newest (5, also active) and the boot default (4); 1 and 3 go.
        assertThat(profile.generations()).extracting(g -> g.number()).containsExactly(4, 5);
        SystemContext.clock = Clock.fixed(Instant.now().plusSeconds(3 * 86400), ZoneOffset.UTC);
        Cli old = Cli.run("generations", "delete", "2d", "--root", root.toString());
        assertThat(old.err()).contains("nothing to delete");
        assertThat(Cli.run("generations", "delete", "x", "--root", root.toString()).exitCode()).isEqualTo(2);
    }

    /** A real process dies at the step (exit 99, nothing cleaned up); activate in a new process then converges. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"static", "etc-midway", "users", "current-system"})
    void aProcessThatDiesAtAStepIsFinishedByTheNextActivate(String step) throws Exception {
        switchTo("one\n", List.of(), List.of());
        StorePath two = systems.build("two\n", List.of("dora"), List.of());
        profile.addGeneration(two, Map.of());
        profile.setBootDefault(2);
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "activate", "--root", root.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SYSBUILD_FAIL_AT", step);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isEqualTo(99);
        assertThat(output).contains("SYSBUILD_FAIL_AT=" + step + ": dying here");
        Cli r = Cli.run("activate", "--root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(profile.currentSystem()).hasValue(two);
        assertThat(Files.readSymbolicLink(root.resolve("etc/static")).toString()).isEqualTo("/sysbuild/store/" + two.baseName() + "/etc");
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("dora:x:1001:");
        assertThat(root.resolve("sysbuild/var/activation/in-progress.json")).doesNotExist();
    }

    @Test
    void provenanceBesideTheLinkIsShownByListShowAndDiff() throws Exception {
        StorePath a = systems.build("a\n", List.of(), List.of());
        StorePath b = systems.build("b\n", List.of(), List.of());
        var p1 = new dev.sysbuild.generations.git.Provenance("/nonexistent/config", "1".repeat(40), "main", "first", Instant.EPOCH,
                null, false, List.of(), "", List.of(), "0.1", Instant.EPOCH);
        var p2 = new dev.sysbuild.generations.git.Provenance("/nonexistent/config", "2".repeat(40), "main", "second", Instant.EPOCH,
                null, true, List.of("system.conf"), "--- a/system.conf\n+++ b/system.conf\n@@ -1 +1 @@\n-x\n+y\n", List.of(),
                "0.1", Instant.EPOCH);
        profile.addGeneration(a, Map.of("provenance", p1.toJson()));
        profile.addGeneration(b, Map.of("provenance", p2.toJson()));
        profile.setBootDefault(2);
        Cli list = Cli.run("generations", "list", "--root", root.toString());
        assertThat(list.out()).contains(" 11111111 ", " 22222222+ ");
        Cli show = Cli.run("generations", "show", "2", "--root", root.toString());
        assertThat(show.out()).contains("config:   22222222 (main) second + uncommitted changes to system.conf\n",
                "uncommitted changes it was built with:\n  --- a/system.conf\n", "  +y\n");
        Cli diff = Cli.run("generations", "diff", "1", "2", "--root", root.toString());
        assertThat(diff.out()).startsWith("generation 1 -> 2\nconfig: 11111111 (main) first -> 22222222 (main) second"
                + " + uncommitted changes to system.conf\n");
    }
}
