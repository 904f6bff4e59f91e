package dev.sysbuild.cli;

import dev.sysbuild.generations.boot.BootEntries;
import dev.sysbuild.generations.boot.BootLoaderException;
import dev.sysbuild.generations.boot.BootedGeneration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code sysbuild boot-ok}: run once the system is up (e.g. by a unit after multi-user.target);
 * it ends boot counting for the generation that booted, so systemd-boot stops counting its tries
 * and never falls back from it.
 */
final class BootOkCommand implements Callable<Integer>, CommonOptions.Holder {
    /** Where the running kernel's command line is, when --root is /. */
    static final Path PROC_CMDLINE = Path.of("/proc/cmdline");

    final SysbuildCommand parent;

    private CommandSpec spec;

    BootOkCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "boot-ok",
                "Mark the booted generation's boot entry good, ending its boot counting; run once the system is up.");
        c.addOption(Specs.option(OptionSpec.builder("--generation").paramLabel("N").type(Integer.class)
                .description("The generation to mark (default: the booted one: init= on /proc/cmdline when --root is /, "
                        + "else the one ROOT/run/current-system points at)."), null));
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    Integer generation;

    @Override
    public Integer call() {
        generation = Specs.value(spec, "--generation");
        if (generation != null && generation < 1) {
            parent.err.println("error: --generation must be a generation number (1 or more), got " + generation);
            return 2;
        }
        Path root = Path.of(common.root).toAbsolutePath().normalize();
        try {
            OptionalInt booted = generation != null ? OptionalInt.of(generation) : BootedGeneration.find(root, PROC_CMDLINE);
            if (booted.isEmpty()) {
                parent.err.println("error: cannot tell which generation booted: " + (root.getNameCount() == 0
                        ? "the kernel command line (" + PROC_CMDLINE + ") has no init=/sysbuild/var/profiles/system-N-link/init"
                        : root.resolve("run/current-system") + " does not point at a generation")
                        + "; give it with --generation N");
                return 1;
            }
            int n = booted.getAsInt();
            String said = switch (BootEntries.markGood(root, n)) {
                case MARKED -> "generation " + n + ": boot entry marked good (sysbuild-" + n + ".conf); boot counting ended";
                case ALREADY_GOOD -> "generation " + n + ": boot entry was already marked good";
                case NOT_COUNTED_BY_LOADER -> "generation " + n + ": the boot loader is GRUB, which does not count boot attempts; nothing to mark";
            };
            if (!common.quiet) parent.out.println(said);
            parent.out.flush();
            return 0;
        } catch (BootLoaderException e) {
            parent.err.println("error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            parent.err.println("error: cannot mark the boot entry under " + root.resolve("boot") + ": " + e.getMessage());
            return 1;
        }
    }
}
