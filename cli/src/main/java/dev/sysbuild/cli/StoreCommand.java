package dev.sysbuild.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sysbuild store ...}: the store's own commands, one class each. */
final class StoreCommand implements Runnable, CommonOptions.Holder {
    final SysbuildCommand parent;
    final CommonOptions common = new CommonOptions();
    final CommandSpec spec;

    /** The subcommands, in the order help lists them; the annotated ones are read only when named. */
    private static final Map<String, Function<StoreCommand, Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("add", s -> new StoreAddCommand(s).spec());
        SUBCOMMANDS.put("path-info", s -> new StorePathInfoCommand());
        SUBCOMMANDS.put("verify", s -> new StoreVerifyCommand());
        SUBCOMMANDS.put("export", s -> new StoreExportCommand());
        SUBCOMMANDS.put("import", s -> new StoreImportCommand());
        SUBCOMMANDS.put("optimise", s -> new StoreOptimiseCommand());
        SUBCOMMANDS.put("dump", s -> new StoreDumpCommand());
        SUBCOMMANDS.put("log", s -> new StoreLogCommand());
    }

    /**
     * The store command with the subcommands among {@code words} (the command line's words), or
     * all of them when none is named (for help).
     */
    StoreCommand(SysbuildCommand parent, java.util.Set<String> words) {
        this.parent = parent;
        spec = Specs.command(this, "store", "Work with the store: add, inspect, verify, export, import, optimise, dump, log.");
        spec.addMixin("common", common.spec());
        boolean some = SUBCOMMANDS.keySet().stream().anyMatch(words::contains) || words.contains("optimize");
        for (Map.Entry<String, Function<StoreCommand, Object>> e : SUBCOMMANDS.entrySet()) {
            boolean named = words.contains(e.getKey()) || e.getKey().equals("optimise") && words.contains("optimize");
            if (some && !named) continue;
            CommandLine sub = new CommandLine(e.getValue().apply(this));
            spec.addSubcommand(e.getKey(), sub);
        }
    }

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing store command (see sysbuild store --help)");
    }
}
