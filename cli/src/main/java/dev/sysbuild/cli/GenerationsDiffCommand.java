package dev.sysbuild.cli;

import dev.sysbuild.generations.ClosureSizes;
import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.generations.inspect.GenerationDiff;
import dev.sysbuild.generations.inspect.ProvenanceDiff;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild generations diff [A B]}: what changed from A to B (default: the previous generation to the current one). */
final class GenerationsDiffCommand implements Callable<Integer>, CommonOptions.Holder {
    final GenerationsCommand parent;

    private CommandSpec spec;

    GenerationsDiffCommand(GenerationsCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "diff", 
                "Show what differs between generations A and B (default: the one before the current, and the current).");
        c.addPositional(PositionalParamSpec.builder().arity("0..2").paramLabel("A B").type(List.class)
                .auxiliaryTypes(Integer.class).description("Two generation numbers.").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    List<Integer> numbers = new ArrayList<>();

    @Override
    public Integer call() {
        numbers = Specs.positionals(spec, 0);
        SysbuildCommand top = parent.parent;
        if (numbers.size() == 1) {
            top.err.println("error: give two generations (A B), or none to compare the previous with the current");
            return 2;
        }
        return SystemContext.run(top.err, common.verbose, () -> {
            SystemContext ctx = new SystemContext(common, top.err);
            Generation a;
            Generation b;
            if (numbers.isEmpty()) {
                b = current(ctx);
                a = ctx.profile.generations().stream().filter(g -> g.number() < b.number()).reduce((x, y) -> y)
                        .orElseThrow(() -> new GenerationsException("generation " + b.number()
                                + " is the oldest; give two generations to compare"));
            } else {
                a = ctx.profile.require(numbers.get(0));
                b = ctx.profile.require(numbers.get(1));
            }
            Optional<LocalStore> store = ctx.store();
            Optional<ClosureSizes> sizes = store.map(ClosureSizes::new);
            PrintStream out = Output.text(top.out);
            out.println("generation " + a.number() + " -> " + b.number());
            for (String l : ProvenanceDiff.lines(ProvenanceDiff.of(a), ProvenanceDiff.of(b))) out.println(l);
            for (String l : GenerationDiff.lines(new Toplevel(ctx.layout.store(), a.toplevel()),
                    new Toplevel(ctx.layout.store(), b.toplevel()), size(sizes, a.toplevel()), size(sizes, b.toplevel()))) {
                out.println(l);
            }
            out.flush();
            return 0;
        });
    }

    /** The newest generation whose toplevel is active now, or else the boot default. */
    private static Generation current(SystemContext ctx) throws IOException {
        Optional<Generation> active = ctx.profile.activeGeneration(ctx.profile.generations());
        if (active.isPresent()) return active.get();
        int def = ctx.profile.bootDefault().orElseThrow(() -> new GenerationsException(
                "no generation is active and there is no boot default; give two generations to compare"));
        return ctx.profile.require(def);
    }

    private static OptionalLong size(Optional<ClosureSizes> sizes, StorePath p) throws IOException {
        return sizes.isPresent() ? sizes.get().of(p) : OptionalLong.empty();
    }
}
