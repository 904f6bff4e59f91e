package dev.sysbuild.cli;

import dev.sysbuild.generations.boot.BootSpec;
import dev.sysbuild.generations.git.Provenance;
import dev.sysbuild.generations.inspect.ProvenanceDiff;
import java.util.Optional;
import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.generations.ClosureSizes;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild generations show N}. */
final class GenerationsShowCommand implements Callable<Integer>, CommonOptions.Holder {
    final GenerationsCommand parent;

    private CommandSpec spec;

    GenerationsShowCommand(GenerationsCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "show", "Show one generation: toplevel, boot, packages, provenance.");
        c.addPositional(PositionalParamSpec.builder().arity("1").required(true).paramLabel("N").type(int.class)
                .description("The generation number.").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    int number;

    @Override
    public Integer call() {
        number = Specs.positional(spec, 0);
        SysbuildCommand top = parent.parent;
        return SystemContext.run(top.err, common.verbose, () -> {
            SystemContext ctx = new SystemContext(common, top.err);
            Generation g = ctx.profile.require(number);
            Toplevel t = new Toplevel(ctx.layout.store(), g.toplevel());
            StringBuilder sb = new StringBuilder();
            sb.append("generation ").append(g.number());
            if (ctx.profile.bootDefault().orElse(-1) == g.number()) sb.append(" (boot default)");
            if (ctx.profile.currentSystem().map(g.toplevel()::equals).orElse(false)) sb.append(" (current)");
            sb.append('\n');
            sb.append("created:  ").append(g.created()).append('\n');
            sb.append("toplevel: ").append(t.logical()).append('\n');
            BootSpec boot = t.boot();
            sb.append("label:    ").append(boot.label()).append('\n');
            sb.append("kernel:   ").append(boot.hasKernel() ? boot.kernelVersion() + " (" + boot.kernel() + ")" : "none")
                    .append('\n');
            if (!boot.kernelParams().isEmpty()) sb.append("params:   ").append(String.join(" ", boot.kernelParams())).append('\n');
            OptionalLong size = ctx.store().isPresent() ? new ClosureSizes(ctx.store().get()).of(g.toplevel()) : OptionalLong.empty();
            sb.append("closure:  ").append(size.isPresent() ? ClosureSizes.human(size.getAsLong()) : "unknown").append('\n');
            Optional<Provenance> prov = ProvenanceDiff.of(g);
            sb.append("config:   ").append(ProvenanceDiff.describe(prov)).append('\n');
            if (prov.isPresent() && prov.get().repository() != null) sb.append("          in ").append(prov.get().repository()).append('\n');
            if (prov.isPresent() && !prov.get().diff().isEmpty()) {
                sb.append("uncommitted changes it was built with:\n");
                for (String l : prov.get().diff().split("\n")) sb.append("  ").append(l).append('\n');
            }
            for (var e : new java.util.TreeMap<>(g.metadata()).entrySet()) {
                if (java.util.Set.of("generation", "toplevel", "created", dev.sysbuild.generations.GenerationSummary.KEY,
                        ProvenanceDiff.KEY).contains(e.getKey())) continue;
                sb.append(e.getKey()).append(": ").append(e.getValue()).append('\n');
            }
            sb.append("packages (").append(t.packages().size()).append("):\n");
            for (String p : t.packages()) sb.append("  ").append(p).append('\n');
            Output.text(top.out).print(sb);
            top.out.flush();
            return 0;
        });
    }
}
