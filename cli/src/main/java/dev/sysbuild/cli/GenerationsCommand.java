package dev.sysbuild.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sysbuild generations list|show|diff|delete}. */
final class GenerationsCommand implements Runnable, CommonOptions.Holder {
    final SysbuildCommand parent;
    final CommandSpec spec;
    final CommonOptions common = new CommonOptions();

    /** The subcommands, in the order help lists them; only the named one is built. */
    private static final List<String> SUBCOMMANDS = List.of("list", "show", "diff", "delete");

    private Object subcommand(String name) {
        return switch (name) {
            case "list" -> new GenerationsListCommand(this).spec();
            case "show" -> new GenerationsShowCommand(this).spec();
            case "diff" -> new GenerationsDiffCommand(this).spec();
            case "delete" -> new GenerationsDeleteCommand(this).spec();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * The command with the subcommands among {@code words} (the command line's words), or all of
     * them when none is named (for help). Its model is built in code ({@link Specs} says why).
     */
    GenerationsCommand(SysbuildCommand parent, java.util.Set<String> words) {
        this.parent = parent;
        spec = Specs.command(this, "generations", "List, show, compare and delete system generations.");
        boolean some = false;
        for (String name : SUBCOMMANDS) some |= words.contains(name);
        for (String name : SUBCOMMANDS) {
            if (some && !words.contains(name)) continue;
            spec.addSubcommand(name, new CommandLine(subcommand(name)));
        }
    }

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show, diff or delete");
    }
}
