package dev.sysbuild.cli;

import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.generations.SystemDirectory;
import dev.sysbuild.store.path.StorePath;
import java.io.PrintStream;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code sysbuild activate [DIR]}: activates the generation DIR is, which is what a generation's
 * {@code init} runs early at boot ({@code sysbuild activate /sysbuild/var/profiles/system-N-link});
 * without DIR the boot default, which is also what finishes a {@code switch} that was interrupted.
 */
final class ActivateCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    private CommandSpec spec;

    ActivateCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "activate",
                "Activate a generation now: DIR (a generation link or toplevel, as a generation's init passes it),"
                        + " else the boot default (also finishes an interrupted switch).");
        c.addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("DIR").type(String.class)
                .description("The generation to activate: /sysbuild/var/profiles/system-N-link or a toplevel store path,"
                        + " a path on the target (under --root R it may also be given with R in front).").build());
        c.addOption(Specs.flag("Print what activation would change; change nothing.", "--dry-run"));
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    String dir;

    boolean dryRun;

    @Override
    public Integer call() {
        dir = Specs.positional(spec, 0);
        dryRun = Specs.value(spec, "--dry-run");
        return SystemContext.run(parent.err, common.verbose, () -> {
            SystemContext ctx = new SystemContext(common, parent.err);
            if (dryRun) {
                StorePath toplevel = dir != null ? SystemDirectory.resolve(ctx.profile, dir).toplevel()
                        : ctx.profile.require(bootDefault(ctx)).toplevel();
                PrintStream text = Output.text(parent.out);
                for (String l : ctx.activator().plan(toplevel).describe()) text.println(l);
                return 0;
            }
            if (dir == null) {
                bootDefault(ctx);
                Generation g = ctx.systemSwitch().activateBootDefault();
                parent.out.println("activated generation " + g.number() + " (" + print(ctx, g.toplevel()) + ")");
                return 0;
            }
            SystemDirectory d = ctx.systemSwitch().activate(dir);
            parent.out.println(d.generation().isPresent()
                    ? "activated generation " + d.generation().getAsInt() + " (" + print(ctx, d.toplevel()) + ")"
                    : "activated " + print(ctx, d.toplevel()) + " (not a generation of the profile)");
            return 0;
        });
    }

    private static int bootDefault(SystemContext ctx) throws java.io.IOException {
        OptionalInt def = ctx.profile.bootDefault();
        if (def.isEmpty()) {
            throw new GenerationsException("there is no boot default (" + ctx.layout.bootDefaultLink()
                    + "); run 'sysbuild switch' or 'sysbuild boot' first, or name a generation: activate DIR");
        }
        return def.getAsInt();
    }

    private static String print(SystemContext ctx, StorePath p) {
        return ctx.layout.store().storeDir().print(p);
    }
}
