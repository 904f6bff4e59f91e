package dev.sysbuild.cli;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import dev.sysbuild.store.transfer.StoreExporter;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild store export PATH... > FILE}: the closure of the paths as one archive. */
final class StoreExportCommand implements Callable<Integer>, CommonOptions.Holder {
    final StoreCommand store;

    private CommandSpec spec;

    StoreExportCommand(StoreCommand store) {
        this.store = store;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "export", "Write the closure of the paths as one archive to standard output (or --output FILE).",
                "The archive is a zstd-compressed tar of a JSON manifest and NARs (docs/store-format.md);",
                "'sysbuild store import' reads it.");
        c.addOption(Specs.option(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
                .description("Write the archive here instead of standard output."), null));
        c.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PATH").type(List.class)
                .auxiliaryTypes(String.class).description("Store paths, or links leading to them.").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    Path output;

    List<String> paths;

    @Override
    public Integer call() {
        output = Specs.value(spec, "--output");
        paths = Specs.positional(spec, 0);
        if (output == null && System.console() != null) {
            store.parent.err.println("error: refusing to write a binary archive to a terminal; redirect standard output"
                    + " to a file or use --output FILE");
            return 2;
        }
        return StoreSession.run(store.parent.err, common.verbose, () -> {
            LocalStore s = StoreSession.openExisting(common);
            List<StorePath> selected = new ArrayList<>();
            for (String arg : paths) selected.add(StoreSession.validPath(s, arg));
            if (output == null) {
                StoreExporter.export(s, selected, store.parent.out);
                store.parent.out.flush();
                return 0;
            }
            // Written beside the target and renamed, so a failed export leaves no half archive under its name.
            Path target = output.toAbsolutePath();
            Path temp = target.resolveSibling(target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                StoreExporter.export(s, selected, out);
            } catch (java.io.IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return 0;
        });
    }
}
