package dev.sysbuild.generations.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.generations.BootEntriesWriter;
import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.GenerationInfo;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemSwitchTest {
    @TempDir
    Path root;
    ActivationFixture f;
    /** What the boot writer was last given: generation numbers, then the default. */
    final List<List<Integer>> written = new ArrayList<>();
    final BootEntriesWriter recorder = (gens, def, current) -> {
        List<Integer> l = new ArrayList<>(gens.stream().map(GenerationInfo::number).toList());
        l.add(def);
        written.add(l);
    };

    @BeforeEach
    void setUp() throws IOException {
        f = new ActivationFixture(root);
    }

    SystemSwitch sw(Activator a) {
        return new SystemSwitch(f.profile, a, Optional.of(recorder), f.log::add);
    }

    StorePath sys(String motd) throws IOException {
        return f.system().etc("motd", motd).kernel("6.1.0").build();
    }

    @Test
    void switchMakesAGenerationTheBootDefaultWritesEntriesAndActivates() throws Exception {
        StorePath a = sys("a");
        assertThat(sw(f.activator()).switchTo(a, Map.of()).number()).isEqualTo(1);
        assertThat(f.profile.bootDefault()).hasValue(1);
        assertThat(f.profile.currentSystem()).hasValue(a);
        assertThat(written).last().isEqualTo(List.of(1, 1));
        assertThat(sw(f.activator()).switchTo(a, Map.of()).number()).isEqualTo(1);
        assertThat(f.log).contains("no change: generation 1 already has this configuration");
        assertThat(f.profile.generations()).hasSize(1);
    }

    @Test
    void bootChangesOnlyTheBootDefaultAndActivateAppliesIt() throws Exception {
        StorePath a = sys("a");
        StorePath b = sys("b");
        sw(f.activator()).switchTo(a, Map.of());
        sw(f.activator()).boot(b, Map.of());
        assertThat(f.profile.bootDefault()).hasValue(2);
        assertThat(f.read("/etc/motd")).isEqualTo("a");
        sw(f.activator()).activateBootDefault();
        assertThat(f.read("/etc/motd")).isEqualTo("b");
        assertThat(f.profile.currentSystem()).hasValue(b);
    }

    @Test
    void bootRefusesAConfigurationWithoutAKernelAndSwitchActivatesItWithoutEntries() throws Exception {
        StorePath noKernel = f.system().etc("motd", "x").build();
        assertThatThrownBy(() -> sw(f.activator()).boot(noKernel, Map.of())).hasMessageContaining("has no kernel");
        assertThat(f.profile.generations()).isEmpty();
        sw(f.activator()).switchTo(noKernel, Map.of());
        assertThat(f.log).contains("this configuration has no kernel: no boot entries written");
        assertThat(written).isEmpty();
    }

    @Test
    void rollbackGoesToThePreviousGenerationOrTheNamedOne() throws Exception {
        StorePath a = sys("a");
        StorePath b = sys("b");
        StorePath c = sys("c");
        for (StorePath t : List.of(a, b, c)) sw(f.activator()).switchTo(t, Map.of());
        assertThat(sw(f.activator()).rollback(OptionalInt.empty()).number()).isEqualTo(2);
        assertThat(f.read("/etc/motd")).isEqualTo("b");
        assertThat(f.profile.bootDefault()).hasValue(2);
        assertThat(written).last().isEqualTo(List.of(1, 2, 3, 2));
        assertThat(sw(f.activator()).rollback(OptionalInt.of(3)).number()).isEqualTo(3);
        assertThat(f.read("/etc/motd")).isEqualTo("c");
        sw(f.activator()).rollback(OptionalInt.of(1));
        assertThatThrownBy(() -> sw(f.activator()).rollback(OptionalInt.empty())).hasMessageContaining("generation 1 is the oldest");
        assertThatThrownBy(() -> sw(f.activator()).rollback(OptionalInt.of(9))).hasMessageContaining("generation 9 does not exist");
    }

    @Test
    void aFailedActivationPutsTheBootDefaultBack() throws Exception {
        sw(f.activator()).switchTo(sys("a"), Map.of());
        StorePath broken = f.system().etc("motd", "b").kernel("6.1").user("x", null, true, "nosuchgroup", "/home/x", false).build();
        assertThatThrownBy(() -> sw(f.activator()).switchTo(broken, Map.of())).hasMessageContaining("nosuchgroup");
        assertThat(f.profile.bootDefault()).hasValue(1);
        assertThat(written).last().isEqualTo(List.of(1, 2, 1));
        assertThat(f.read("/etc/motd")).isEqualTo("a");
    }

    @Test
    void aSwitchThatCrashedAtAnyStepIsFinishedByRunningItAgain() throws Exception {
        List<String> steps = new ArrayList<>(Activator.STEPS);
        steps.add("profile");
        steps.add("boot-default");
        StorePath a = sys("a");
        sw(f.activator()).switchTo(a, Map.of());
        int n = 0;
        for (String step : steps) {
            StorePath next = sys("gen-" + (++n));
            CrashPoints crash = CrashPoints.at(step, s -> {
                throw new ActivationFixture.SimulatedCrash(s);
            });
            dev.sysbuild.generations.SystemProfile crashingProfile = new dev.sysbuild.generations.SystemProfile(f.layout,
                    java.time.Clock.systemUTC(), crash);
            Activator crashing = new Activator(crashingProfile, Optional.empty(), crash, f.log::add, java.time.Clock.systemUTC());
            SystemSwitch s = new SystemSwitch(crashingProfile, crashing, Optional.of(recorder), f.log::add);
            assertThatThrownBy(() -> s.switchTo(next, Map.of())).as(step).isInstanceOf(ActivationFixture.SimulatedCrash.class);
            sw(f.activator()).switchTo(next, Map.of());
            int def = f.profile.bootDefault().getAsInt();
            assertThat(f.profile.require(def).toplevel()).as(step).isEqualTo(next);
            assertThat(f.profile.currentSystem()).as(step).hasValue(next);
            assertThat(f.read("/etc/motd")).as(step).isEqualTo("gen-" + n);
            assertThat(written).last().as(step).satisfies(l -> assertThat(l.get(l.size() - 1)).isEqualTo(def));
        }
    }

    @Test
    void whenBootEntriesCannotBeWrittenTheBootDefaultStaysAndNothingIsActivated() throws Exception {
        StorePath a = sys("a");
        sw(f.activator()).switchTo(a, Map.of());
        BootEntriesWriter full = (gens, def, current) -> {
            throw new IOException("not enough space on the boot partition: 40 MB needed, 12 MB free");
        };
        SystemSwitch s = new SystemSwitch(f.profile, f.activator(), Optional.of(full), f.log::add);
        assertThatThrownBy(() -> s.switchTo(sys("b"), Map.of())).hasMessageContaining("not enough space");
        assertThat(f.profile.bootDefault()).hasValue(1);
        assertThat(f.profile.currentSystem()).hasValue(a);
        assertThat(f.read("/etc/motd")).isEqualTo("a");
    }

    @Test
    void theStandardWriterPutsEntriesUnderBootAndRollbackMovesTheDefault() throws Exception {
        BootEntriesWriter standard = BootEntriesWriter.standard(f.layout.store(), f.log::add);
        SystemSwitch s = new SystemSwitch(f.profile, f.activator(), Optional.of(standard), f.log::add);
        s.switchTo(sys("a"), Map.of());
        s.switchTo(sys("b"), Map.of());
        Path entries = root.resolve("boot/loader/entries");
        assertThat(entries.resolve("sysbuild-1+3.conf")).content().contains("options init=/sysbuild/var/profiles/system-1-link/init");
        assertThat(entries.resolve("sysbuild-2+3.conf")).content().contains("sort-key sysbuild\n");
        s.rollback(OptionalInt.empty());
        assertThat(entries.resolve("sysbuild-2+3.conf")).content().contains("sort-key sysbuild-newer");
        assertThat(f.log).contains("boot entries (systemd-boot): generations 2, 1, default 1");
    }
}
