package dev.sysbuild.cli;

import dev.sysbuild.generations.ClosureSizes;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.generations.inspect.GenerationDiff;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Optional;

/**
 * What {@code switch}, {@code boot}, {@code test} and {@code dry-activate} print before they act:
 * the generations diff (as {@code generations diff} prints it) from the system active now
 * ({@code run/current-system}) to the toplevel just built, so nothing changes unannounced.
 * {@code boot} compares with the active system too: that is what the next boot moves away from.
 */
final class SwitchPreview {
    private SwitchPreview() {}

    /**
     * {@code store} is the store the toplevel was built in (for closure sizes). Never fails: a
     * switch must not be blocked by an active system it cannot read (damaged, or written by an
     * older sysbuild); that is said instead.
     */
    static void print(SystemContext ctx, LocalStore store, StorePath next, PrintStream out) {
        try {
            compare(ctx, store, next, out);
        } catch (IOException | RuntimeException e) {
            out.println("(cannot compare with the active system: " + (e.getMessage() != null ? e.getMessage() : e) + ")");
        }
    }

    private static void compare(SystemContext ctx, LocalStore store, StorePath next, PrintStream out) throws IOException {
        Toplevel b = new Toplevel(ctx.layout.store(), next);
        Optional<StorePath> current = ctx.profile.currentSystem();
        if (current.isPresent() && current.get().equals(next)) {
            out.println("no changes: " + b.logical() + " is the active system");
            return;
        }
        ClosureSizes sizes = new ClosureSizes(store);
        Toplevel a = current.map(c -> new Toplevel(ctx.layout.store(), c)).orElse(null);
        if (a == null || !Files.isDirectory(a.physical())) {
            out.println(a == null ? "nothing is active yet; " + b.logical() + " has:"
                    : "the active system " + a.logical() + " is gone from the store; " + b.logical() + " has:");
            out.println("  " + b.packages().size() + " packages, " + b.etcEntries().size() + " /etc entries, "
                    + b.users().size() + " users, " + b.groups().size() + " groups, " + b.units().size() + " units"
                    + sizes.of(next).stream().mapToObj(s -> ", closure " + ClosureSizes.human(s)).findFirst().orElse(""));
            return;
        }
        out.println("changes from the active system " + a.logical() + " to " + b.logical() + ":");
        for (String l : GenerationDiff.lines(a, b, sizes.of(current.get()), sizes.of(next))) out.println(l);
    }
}
