package dev.sysbuild.cli;

import dev.sysbuild.eval.EvalSettings;
import dev.sysbuild.store.build.BuildSettings;
import dev.sysbuild.store.build.PathRebuild;
import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import dev.sysbuild.store.transfer.StoreImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code sysbuild store verify}: like {@code nix-store --verify [--check-contents]}. */
final class StoreVerifyCommand implements Callable<Integer>, CommonOptions.Holder {
    final StoreCommand store;

    private CommandSpec spec;

    StoreVerifyCommand(StoreCommand store) {
        this.store = store;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "verify", "Check the store and print every problem found (exit code 1 if there is any).",
                "Every valid path must exist and have valid references; with --check-contents, every path",
                "must also still have its recorded NAR hash.");
        c.addOption(Specs.flag("Hash every valid path again (reads the whole store).", "--check-contents"));
        c.addOption(Specs.flag("Rebuild damaged paths from the derivations that built them (implies"
                + " --check-contents); a rebuild must reproduce the recorded NAR hash.", "--repair"));
        c.addOption(Specs.option(OptionSpec.builder("--repair-from").paramLabel("ARCHIVE").type(Path.class)
                .description("Put back damaged paths from an export archive holding them as recorded (implies --check-contents)."), null));
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    boolean checkContents;

    boolean repair;

    Path repairFrom;

    @Override
    public Integer call() {
        checkContents = Specs.value(spec, "--check-contents");
        repair = Specs.value(spec, "--repair");
        repairFrom = Specs.value(spec, "--repair-from");
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            LocalStore s = StoreSession.openExisting(common);
            if (repairFrom != null) repairFromArchive(s);
            if (repair) repairByRebuilding(s);
            boolean contents = checkContents || repairFrom != null || repair;
            List<String> problems = s.verify(contents);
            for (String p : problems) store.parent.err.println("error: " + p);
            if (problems.isEmpty()) {
                store.parent.out.println("no problems found" + (contents ? " (contents checked)" : ""));
                store.parent.out.flush();
                return 0;
            }
            store.parent.err.println(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " found");
            return 1;
        });
    }

    /**
     * Rebuilds each damaged path's derivation (dependencies first); what cannot be repaired is
     * said, and the verify that follows reports it still.
     */
    private void repairByRebuilding(LocalStore s) throws IOException {
        SortedSet<StorePath> damaged = s.findDamagedPaths();
        if (damaged.isEmpty()) return;
        BuildSettings settings = BuildSettings.defaults(EvalSettings.hostSystem())
                .withSandbox(BuildSettings.findBwrap(System.getenv("PATH")));
        Function<StorePath, Optional<Derivation>> derivations = drvPath -> readDerivation(s, drvPath);
        for (PathRebuild.Outcome o : PathRebuild.repairAll(s, settings, damaged, derivations)) {
            if (o.error().isEmpty()) store.parent.out.println("repaired " + s.storeDir().print(o.path()) + " (rebuilt)");
            else store.parent.err.println("error: " + o.error().get());
        }
        store.parent.out.flush();
    }

    private static Optional<Derivation> readDerivation(LocalStore s, StorePath drvPath) {
        try {
            if (!drvPath.name().endsWith(StorePath.DRV_EXTENSION) || !s.isValid(drvPath)) return Optional.empty();
            byte[] aterm = Files.readAllBytes(s.layout().physical(drvPath));
            String name = drvPath.name().substring(0, drvPath.name().length() - StorePath.DRV_EXTENSION.length());
            return Optional.of(Derivation.parse(aterm, name));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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
