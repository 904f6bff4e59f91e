package dev.sysbuild.cli;

import dev.sysbuild.store.local.LocalStore;
import java.util.List;
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

    @Option(names = "--repair", description = "Not available yet: reports what would need repairing.")
    boolean repair;

    @Override
    public Integer call() {
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            LocalStore s = StoreSession.open(common);
            List<String> problems = s.verify(checkContents);
            for (String p : problems) store.parent.err.println("error: " + p);
            if (problems.isEmpty()) {
                store.parent.out.println("no problems found" + (checkContents ? " (contents checked)" : ""));
                store.parent.out.flush();
                return 0;
            }
            store.parent.err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found");
            if (repair) {
                // Honest refusal: a damaged path can only be put right from its derivation or a good copy.
                store.parent.err.println("error: --repair cannot fix these yet: repairing a path means building its"
                        + " derivation again, which the store cannot do on its own; import an export of the damaged paths"
                        + " made from a sound store into a fresh root instead");
            }
            return 1;
        });
    }
}
