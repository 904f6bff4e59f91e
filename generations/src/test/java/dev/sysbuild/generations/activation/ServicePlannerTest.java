package dev.sysbuild.generations.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePlannerTest {
    @TempDir
    Path root;

    @Test
    void eachFlagDecidesWhatAChangedUnitGets() throws Exception {
        ActivationFixture f = new ActivationFixture(root);
        StorePath a = f.system().unit("keep.service", "1", false, false, true).unit("same.service", "s", true, false, true)
                .unit("app.target", "t1", true, false, true).unit("old.service", "o", true, false, true)
                .etc("systemd/system/plain.service", "p1").build();
        StorePath b = f.system().unit("keep.service", "2", false, false, true).unit("same.service", "s", true, false, true)
                .unit("app.target", "t2", true, false, true).etc("systemd/system/plain.service", "p2")
                .etc("systemd/system/loose.service", "l").build();
        ServicePlan p = ServicePlanner.plan(Optional.of(new Toplevel(f.layout.store(), a)), new Toplevel(f.layout.store(), b));
        assertThat(p.describe()).containsExactly(
                "app.target: start (unit file changed; targets are not restarted)",
                "keep.service: none (unit file changed, restartIfChanged = false)",
                "loose.service: none (new, not wanted by a boot target)",
                "old.service: stop (removed)",
                "plain.service: stop, then start (unit file changed, stopIfChanged)");
        assertThat(p.stop()).containsExactly("old.service", "plain.service");
        assertThat(p.start()).containsExactly("app.target", "plain.service");
        assertThat(p.restart()).isEmpty();
        assertThat(p.daemonReload()).isTrue();
        assertThat(ServicePlanner.plan(Optional.of(new Toplevel(f.layout.store(), b)), new Toplevel(f.layout.store(), b)).isEmpty())
                .isTrue();
        assertThat(ServicePlanner.plan(Optional.empty(), new Toplevel(f.layout.store(), a)).start())
                .isEqualTo(List.of("app.target", "keep.service", "old.service", "same.service"));
    }
}
