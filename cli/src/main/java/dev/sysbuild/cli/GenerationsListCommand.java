package dev.sysbuild.cli;

import dev.sysbuild.generations.inspect.GenerationLister;
import dev.sysbuild.generations.inspect.GenerationRow;
import dev.sysbuild.store.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sysbuild generations list [--json]}. */
final class GenerationsListCommand implements Callable<Integer>, CommonOptions.Holder {
    final GenerationsCommand parent;

    private CommandSpec spec;

    GenerationsListCommand(GenerationsCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "list",
                "List generations: number, date, current and boot-default markers, label, kernel, packages, closure size.");
        c.addOption(Specs.flag("Print a JSON array of objects (dates in ISO-8601).", "--json"));
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    boolean json;

    @Override
    public Integer call() {
        json = Specs.value(spec, "--json");
        SysbuildCommand top = parent.parent;
        return SystemContext.run(top.err, common.verbose, () -> {
            SystemContext ctx = new SystemContext(common, top.err);
            List<GenerationRow> rows = new GenerationLister(ctx.profile, ctx.store()).rows();
            if (json) {
                List<Object> out = new ArrayList<>();
                for (GenerationRow r : rows) out.add(r.toJson());
                Output.text(top.out).print(Json.writePretty(out));
            } else if (rows.isEmpty()) {
                top.err.println("no generations under " + ctx.layout.root());
            } else {
                Output.text(top.out).print(GenerationLister.table(rows));
            }
            top.out.flush();
            return 0;
        });
    }
}
