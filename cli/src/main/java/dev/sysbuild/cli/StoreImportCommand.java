package dev.sysbuild.cli;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import dev.sysbuild.store.transfer.StoreImporter;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code sysbuild store import < FILE}: adds the paths of an export archive, all checked before any is registered. */
final class StoreImportCommand implements Callable<Integer>, CommonOptions.Holder {
    final StoreCommand store;

    private CommandSpec spec;

    StoreImportCommand(StoreCommand store) {
        this.store = store;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "import", "Add the paths of an archive from 'sysbuild store export' (standard input or --input FILE).",
                "Every path's NAR hash and the closure of its references are checked first; a damaged or",
                "altered archive is refused and nothing is added. Prints the paths.");
        c.addOption(Specs.option(OptionSpec.builder("-i", "--input").paramLabel("FILE").type(Path.class)
                .description("Read the archive from this file."), null));
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    Path input;

    @Override
    public Integer call() {
        input = Specs.value(spec, "--input");
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            LocalStore s = StoreSession.open(common);
            List<StorePath> imported;
            try (InputStream in = input != null ? Files.newInputStream(input) : new BufferedInputStream(store.parent.in)) {
                imported = StoreImporter.importArchive(s, in);
            }
            StringBuilder out = new StringBuilder();
            for (StorePath p : imported) out.append(s.storeDir().print(p)).append('\n');
            store.parent.out.print(out);
            store.parent.out.flush();
            return 0;
        });
    }
}
