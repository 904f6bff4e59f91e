package dev.sysbuild.cli;

import dev.sysbuild.store.local.GcResult;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild gc [--dry-run]}: like {@code nix-store --gc}. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Delete every store path that no root reaches, and print what went.",
                "Roots: generations (sysbuild/var/profiles), sysbuild/var/gcroots (e.g. result links),",
                "run/current-system, and paths being built."})
final class GcCommand implements Callable<Integer> {
    @ParentCommand
    SysbuildCommand parent;

    @Mixin
    CommonOptions common;

    @Option(names = {"-n", "--dry-run"}, description = "Only print what would be deleted and the space that would free.")
    boolean dryRun;

    @Override
    public Integer call() {
        return StoreSession.run(parent.err, common.verbose, () -> {
            LocalStore store = StoreSession.open(common);
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
            parent.out.print(out);
            parent.out.flush();
            return 0;
        });
    }
}
