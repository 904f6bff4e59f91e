package dev.sysbuild.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild store ...}: commands on the local store. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Work with the local store.",
        subcommands = {StoreLogCommand.class})
final class StoreCommand implements Runnable {
    @ParentCommand
    SysbuildCommand parent;

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing store command (see sysbuild store --help)");
    }
}
