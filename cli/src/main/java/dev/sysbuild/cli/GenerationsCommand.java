package dev.sysbuild.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sysbuild generations list|show|diff|delete}. */
@Command(name = "generations", mixinStandardHelpOptions = true,
        description = "List, show, compare and delete system generations.",
        subcommands = {GenerationsListCommand.class, GenerationsShowCommand.class, GenerationsDiffCommand.class,
                GenerationsDeleteCommand.class})
final class GenerationsCommand implements Runnable {
    @CommandLine.ParentCommand
    SysbuildCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, show, diff or delete");
    }
}
