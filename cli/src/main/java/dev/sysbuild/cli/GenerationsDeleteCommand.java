package dev.sysbuild.cli;

import dev.sysbuild.generations.Generation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code sysbuild generations delete N... | +K | Nd}: by number (an error names any that is the
 * boot default or active, and then nothing is deleted), all but the newest K, or those older
 * than N days; the last two skip the boot default and the active generation.
 */
final class GenerationsDeleteCommand implements Callable<Integer>, CommonOptions.Holder {
    final GenerationsCommand parent;

    private CommandSpec spec;

    GenerationsDeleteCommand(GenerationsCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "delete", 
                "Delete generations: numbers, +K (keep the newest K), or Nd (older than N days). "
                        + "Never the boot default or the active one. 'sysbuild gc' then frees their store paths.");
        c.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("N...|+K|Nd").type(List.class)
                .auxiliaryTypes(String.class).description("What to delete.").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    List<String> what = new ArrayList<>();

    @Override
    public Integer call() {
        what = Specs.positional(spec, 0);
        SysbuildCommand top = parent.parent;
        boolean selector = what.size() == 1 && what.get(0).matches("\\+[0-9]+|[0-9]+d");
        if (!selector && !what.stream().allMatch(s -> s.matches("[0-9]{1,9}"))) {
            top.err.println("error: give generation numbers, or one of +K (keep the newest K) or Nd (older than N days)");
            return 2;
        }
        return SystemContext.run(top.err, common.verbose, () -> {
            SystemContext ctx = new SystemContext(common, top.err);
            TreeSet<Integer> doomed = new TreeSet<>();
            if (selector) {
                List<Generation> all = ctx.profile.generations();
                String s = what.get(0);
                if (s.startsWith("+")) {
                    int keep = Integer.parseInt(s.substring(1));
                    for (int i = 0; i < all.size() - keep; i++) doomed.add(all.get(i).number());
                } else {
                    Instant cutoff = SystemContext.clock.instant().minus(Duration.ofDays(Long.parseLong(s.substring(0, s.length() - 1))));
                    for (Generation g : all) if (g.created().isBefore(cutoff)) doomed.add(g.number());
                }
                for (Generation g : all) if (doomed.contains(g.number()) && ctx.profile.isProtected(g)) doomed.remove(g.number());
            } else {
                for (String n : what) doomed.add(Integer.parseInt(n));
            }
            if (doomed.isEmpty()) {
                top.err.println("nothing to delete");
                return 0;
            }
            ctx.systemSwitch().delete(doomed);
            top.out.println("deleted generation" + (doomed.size() > 1 ? "s " : " ") + String.join(", ",
                    doomed.stream().map(String::valueOf).toList()));
            return 0;
        });
    }
}
