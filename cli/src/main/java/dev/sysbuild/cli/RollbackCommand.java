package dev.sysbuild.cli;

import dev.sysbuild.generations.Generation;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild rollback [--to N]}: an earlier generation becomes active and the boot default, without building. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Make the previous generation (or generation N) active and the boot default, without building.")
final class RollbackCommand implements Callable<Integer>, CommonOptions.Holder {
    @ParentCommand
    SysbuildCommand parent;

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Option(names = "--to", paramLabel = "N", description = "The generation to go back (or forward) to.")
    Integer to;

    @Override
    public Integer call() {
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
