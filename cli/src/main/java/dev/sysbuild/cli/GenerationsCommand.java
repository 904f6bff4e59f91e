package dev.sysbuild.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sysbuild generations list|show|diff|delete}. */
@Command(name = "generations", mixinStandardHelpOptions = true,
        description = "List, show, compare and delete system generations.",
        subcommands = {GenerationsListCommand.class, GenerationsShowCommand.class, GenerationsDiffCommand.class,
                GenerationsDeleteCommand.class})
final class GenerationsCommand implements Runnable, CommonOptions.Holder {
    @CommandLine.ParentCommand
    SysbuildCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show, diff or delete");
    }
}
