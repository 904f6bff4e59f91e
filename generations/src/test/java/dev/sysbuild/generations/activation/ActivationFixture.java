package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.FakeToplevel;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A store, profile and activator under a test root, and a way to read files as the target would. */
final class ActivationFixture {
    /** What a crash point throws in tests: an Error, so no clean-up code catches it, as with a dead process. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String step) {
            super("simulated crash at " + step);
        }
    }

    final Path root;
    final LocalStore store;
    final ProfileLayout layout;
    final SystemProfile profile;
    final List<String> log = new ArrayList<>();

    ActivationFixture(Path root) throws IOException {
        this.root = root;
        this.store = LocalStore.open(root, StoreDir.DEFAULT);
        this.layout = ProfileLayout.of(root, StoreDir.DEFAULT);
        this.profile = new SystemProfile(layout, Clock.systemUTC(), CrashPoints.none());
    }

    FakeToplevel system() {
        return new FakeToplevel(store, "host");
    }

    Activator activator() {
        return activator(CrashPoints.none(), Optional.empty());
    }

    Activator crashingAt(String step) {
        return activator(CrashPoints.at(step, s -> {
            throw new SimulatedCrash(s);
        }), Optional.empty());
    }

    Activator activator(CrashPoints crash, Optional<Systemctl> systemctl) {
        return new Activator(profile, systemctl, crash, log::add, Clock.systemUTC());
    }

    /** {@code /etc/...} (or any logical path) read as the booted machine would, following links under the root. */
    String read(String logical) throws IOException {
        return Files.readString(TargetPaths.resolve(layout.store(), logical));
    }

    boolean exists(String logical) throws IOException {
        return Files.exists(TargetPaths.resolve(layout.store(), logical));
    }

    Path etc(String target) {
        return root.resolve("etc").resolve(target);
    }

    String logical(StorePath p) {
        return StoreDir.DEFAULT.print(p);
    }
}
