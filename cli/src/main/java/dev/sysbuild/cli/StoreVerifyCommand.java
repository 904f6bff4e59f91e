package dev.sysbuild.cli;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import dev.sysbuild.store.transfer.StoreImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild store verify}: like {@code nix-store --verify [--check-contents]}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the store and print every problem found (exit code 1 if there is any).",
                "Every valid path must exist and have valid references; with --check-contents, every path",
                "must also still have its recorded NAR hash."})
final class StoreVerifyCommand implements Callable<Integer> {
    @ParentCommand
    StoreCommand store;

    @Mixin
    CommonOptions common;

    @Option(names = "--check-contents", description = "Hash every valid path again (reads the whole store).")
    boolean checkContents;

    @Option(names = "--repair", description = "Repairing by rebuilding is not available yet; see --repair-from.")
    boolean repair;

    @Option(names = "--repair-from", paramLabel = "ARCHIVE",
            description = "Put back damaged paths from an export archive holding them as recorded (implies --check-contents).")
    Path repairFrom;

    @Override
    public Integer call() {
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            LocalStore s = StoreSession.open(common);
            if (repairFrom != null) repairFromArchive(s);
            boolean contents = checkContents || repairFrom != null;
            List<String> problems = s.verify(contents);
            for (String p : problems) store.parent.err.println("error: " + p);
            if (problems.isEmpty()) {
                store.parent.out.println("no problems found" + (contents ? " (contents checked)" : ""));
                store.parent.out.flush();
                return 0;
            }
            store.parent.err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found");
            if (repair) {
                // Honest refusal: a damaged path can only be put right from its derivation or a good copy.
                store.parent.err.println("error: --repair cannot fix these yet: repairing a path means building its"
                        + " derivation again, which the store cannot do on its own; use --repair-from ARCHIVE with an"
                        + " export of the damaged paths made from a sound store");
            }
            return 1;
        });
    }

    /** Repairs what an export archive can: damaged paths it holds with their recorded NAR hash. */
    private void repairFromArchive(LocalStore s) throws IOException {
        SortedSet<StorePath> damaged = s.findDamagedPaths();
        if (damaged.isEmpty()) return;
        try (InputStream in = Files.newInputStream(repairFrom)) {
            for (StorePath p : StoreImporter.repair(s, in, damaged)) {
                store.parent.out.println("repaired " + s.storeDir().print(p));
            }
        }
        store.parent.out.flush();
    }
}
