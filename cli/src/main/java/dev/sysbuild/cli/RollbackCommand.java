package dev.sysbuild.cli;

import dev.sysbuild.generations.Generation;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code sysbuild rollback [--to N]}: an earlier generation becomes active and the boot default, without building. */
final class RollbackCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    private CommandSpec spec;

    RollbackCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "rollback",
                "Make the previous generation (or generation N) active and the boot default, without building.");
        c.addOption(Specs.option(OptionSpec.builder("--to").paramLabel("N").type(Integer.class)
                .description("The generation to go back (or forward) to."), null));
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    Integer to;

    @Override
    public Integer call() {
        to = Specs.value(spec, "--to");
        Timings timings = Timings.of(common.verbose);
        try {
            return SystemContext.run(parent.err, common.verbose, () -> {
                timings.mark("profile");
                SystemContext ctx = new SystemContext(common, parent.err, timings);
                Generation g = ctx.systemSwitch().rollback(to == null ? OptionalInt.empty() : OptionalInt.of(to));
                parent.out.println("now at generation " + g.number() + " (" + ctx.layout.store().storeDir().print(g.toplevel()) + ")");
                return 0;
            });
        } finally {
            timings.print(parent.err);
        }
    }
}
