package dev.sysbuild.cli;

import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.GenerationsException;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code sysbuild activate}: activates the boot default, which is what a generation's
 * {@code init} runs early at boot, and what finishes a {@code switch} that was interrupted.
 */
@Command(name = "activate", mixinStandardHelpOptions = true,
        description = "Activate the boot default generation now (what init runs at boot; also finishes an interrupted switch).")
final class ActivateCommand implements Callable<Integer> {
    @ParentCommand
    SysbuildCommand parent;

    @Mixin
    CommonOptions common;

    @Option(names = "--dry-run", description = "Print what activation would change; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        return SystemContext.run(parent.err, common.verbose, () -> {
            SystemContext ctx = new SystemContext(common, parent.err);
            if (dryRun) {
                OptionalInt def = ctx.profile.bootDefault();
                if (def.isEmpty()) throw new GenerationsException("there is no boot default; nothing to activate");
                for (String l : ctx.activator().plan(ctx.profile.require(def.getAsInt()).toplevel()).describe()) {
                    parent.out.println(l);
                }
                return 0;
            }
            Generation g = ctx.systemSwitch().activateBootDefault();
            parent.out.println("activated generation " + g.number() + " (" + ctx.layout.store().storeDir().print(g.toplevel()) + ")");
            return 0;
        });
    }
}
