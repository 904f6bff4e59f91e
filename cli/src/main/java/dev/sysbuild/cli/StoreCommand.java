package dev.sysbuild.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild store ...}: the store's own commands, one class each. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Work with the store: add, inspect, verify, export, import, optimise, dump, log.",
        subcommands = {
            StoreAddCommand.class,
            StorePathInfoCommand.class,
            StoreVerifyCommand.class,
            StoreExportCommand.class,
            StoreImportCommand.class,
            StoreOptimiseCommand.class,
            StoreDumpCommand.class,
            StoreLogCommand.class,
        })
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
