package dev.sysbuild.cli;

import dev.sysbuild.generations.BootEntriesWriter;
import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.generations.activation.Activator;
import dev.sysbuild.generations.activation.SystemSwitch;
import dev.sysbuild.generations.activation.Systemctl;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the generation commands share: the profile, activator and switch for {@code --root}, the
 * outside world they depend on (environment, clock, systemctl, the boot loader), and one way
 * of reporting their errors. The static seams are here so tests (and the lead's wiring of the
 * boot loader) can replace them.
 */
final class SystemContext {
    /** The environment ({@code SYSBUILD_FAIL_AT}); tests replace it. */
    static Function<String, String> environment = System::getenv;

    /** What a crash point does: die at once, as a power cut would. Tests throw instead. */
    static Consumer<String> crash = step -> {
        System.err.println("sysbuild: " + CrashPoints.VARIABLE + "=" + step + ": dying here");
        System.err.flush();
        Runtime.getRuntime().halt(99);
    };

    /** The clock generation dates come from; tests fix it. */
    static Clock clock = Clock.systemUTC();

    /**
     * The boot-loader hook: given the profile layout and a log, the writer of boot entries for
     * this root ({@code R/boot}, through {@code dev.sysbuild.generations.boot}), or empty to write
     * none (commands then say that no entries were written).
     */
    static BiFunction<ProfileLayout, Consumer<String>, Optional<BootEntriesWriter>> bootLoader =
            (layout, log) -> Optional.of(BootEntriesWriter.standard(layout.store(), log));

    /** systemctl for the running system; tests replace it. Only used when the root is "/" and systemd runs. */
    static Optional<Systemctl> liveSystemctl() {
        return Files.isDirectory(Path.of("/run/systemd/system")) ? Optional.of(Systemctl.process()) : Optional.empty();
    }

    final ProfileLayout layout;
    final SystemProfile profile;
    final PrintStream err;
    final CrashPoints crashPoints;
    final Timings timings;

    SystemContext(CommonOptions common, PrintStream err) {
        this(common, err, Timings.of(false));
    }

    /** With {@code timings} told every phase and activation step as it begins. */
    SystemContext(CommonOptions common, PrintStream err, Timings timings) {
        this.layout = ProfileLayout.of(Path.of(common.root), new StoreDir(common.storeDir));
        this.err = err;
        this.timings = timings;
        this.crashPoints = CrashPoints.fromEnvironment(environment, crash).observed(timings::mark);
        this.profile = new SystemProfile(layout, clock, crashPoints);
    }

    Activator activator() {
        boolean live = layout.root().equals(Path.of("/"));
        return new Activator(profile, live ? liveSystemctl() : Optional.empty(), crashPoints, err::println, clock);
    }

    SystemSwitch systemSwitch() {
        return new SystemSwitch(profile, activator(), bootLoader.apply(layout, err::println), err::println, timings::mark);
    }

    /** The store under the root, for closure sizes; empty when it cannot be opened (e.g. not root). */
    Optional<LocalStore> store() {
        try {
            if (!Files.isDirectory(layout.store().infoDir())) return Optional.empty();
            return Optional.of(LocalStore.open(layout.root(), layout.store().storeDir()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs a generation command: its refusals and I/O failures print as one message and exit 1. */
    static int run(PrintStream err, boolean verbose, Callable<Integer> task) {
        try {
            return task.call();
        } catch (GenerationsException e) {
            // (Java text: paths, git's and the system's messages; see Output.text.)
            Output.text(err).println("error: " + e.getMessage());
            if (verbose) e.printStackTrace(err);
            return 1;
        } catch (IOException e) {
            Output.text(err).println("error: " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
            if (verbose) e.printStackTrace(err);
            return 1;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
