package dev.sysbuild.cli;

import dev.sysbuild.store.local.GcResult;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sysbuild gc [--dry-run]}: like {@code nix-store --gc}. */
final class GcCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    final CommonOptions common = new CommonOptions();
    private CommandSpec spec;

    @Override
    public CommonOptions common() {
        return common;
    }

    boolean dryRun;

    GcCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "gc", "Delete every store path that no root reaches, and print what went.",
                "Roots: generations (sysbuild/var/profiles), sysbuild/var/gcroots (e.g. result links),",
                "run/current-system, and paths being built.");
        c.addOption(Specs.flag("Only print what would be deleted and the space that would free.", "-n", "--dry-run"));
        spec = c;
        return c;
    }

    @Override
    public Integer call() {
        dryRun = Specs.value(spec, "--dry-run");
        return StoreSession.run(parent.err, common.verbose, () -> {
            LocalStore store = StoreSession.openExisting(common);
            GcResult r = store.collectGarbage(dryRun);
            StringBuilder out = new StringBuilder();
            for (StorePath p : r.deleted()) out.append(store.storeDir().print(p)).append('\n');
            int n = r.deleted().size();
            String paths = n + (n == 1 ? " store path" : " store paths");
            if (dryRun) {
                out.append(paths).append(" would be deleted, ").append(StoreSession.mebibytes(r.bytesFreed()))
                        .append(" would be freed\n");
            } else {
                out.append(paths).append(" deleted, ").append(StoreSession.mebibytes(r.bytesFreed())).append(" freed\n");
            }
            Output.write(parent.out, out);
            parent.out.flush();
            return 0;
        });
    }
}
