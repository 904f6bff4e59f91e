package dev.sysbuild.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sysbuild store ...}: the store's own commands, one class each. */
final class StoreCommand implements Runnable, CommonOptions.Holder {
    final SysbuildCommand parent;
    final CommonOptions common = new CommonOptions();
    final CommandSpec spec;

    /** The subcommands, in the order help lists them; only the named one is built. */
    private static final List<String> SUBCOMMANDS = List.of("add", "path-info", "verify", "export", "import", "optimise",
            "dump", "log");

    private Object subcommand(String name) {
        return switch (name) {
            case "add" -> new StoreAddCommand(this).spec();
            case "path-info" -> new StorePathInfoCommand(this).spec();
            case "verify" -> new StoreVerifyCommand(this).spec();
            case "export" -> new StoreExportCommand(this).spec();
            case "import" -> new StoreImportCommand(this).spec();
            case "optimise" -> new StoreOptimiseCommand(this).spec();
            case "dump" -> new StoreDumpCommand(this).spec();
            case "log" -> new StoreLogCommand(this).spec();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The store command with the subcommands among {@code words} (the command line's words), or
     * all of them when none is named (for help).
     */
    StoreCommand(SysbuildCommand parent, java.util.Set<String> words) {
        this.parent = parent;
        spec = Specs.command(this, "store", "Work with the store: add, inspect, verify, export, import, optimise, dump, log.");
        boolean some = words.contains("optimize");
        for (String name : SUBCOMMANDS) some |= words.contains(name);
        for (String name : SUBCOMMANDS) {
            boolean named = words.contains(name) || name.equals("optimise") && words.contains("optimize");
            if (some && !named) continue;
            spec.addSubcommand(name, new CommandLine(subcommand(name)));
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
