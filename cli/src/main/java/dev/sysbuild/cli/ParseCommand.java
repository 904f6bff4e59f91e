package dev.sysbuild.cli;

import dev.sysbuild.eval.Evaluator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild parse FILE}: checks syntax and scoping, as Nix does before evaluating. */
final class ParseCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    private CommandSpec spec;

    ParseCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "parse",
                "Parse a file (syntax, undefined variables, duplicate attributes); exit 0 if it is valid.");
        c.addOption(Specs.option(OptionSpec.builder("-E", "--expr").paramLabel("<expr>").type(String.class)
                .description("Parse this expression instead of a file."), null));
        c.addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("FILE").type(String.class)
                .description("The file to parse.").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    String expr;

    String file;

    @Override
    public Integer call() {
        expr = Specs.value(spec, "--expr");
        file = Specs.positional(spec, 0);
        if ((file == null) == (expr == null)) {
            parent.err.println("error: give exactly one of FILE or -E EXPR (see sysbuild parse --help)");
            return 2;
        }
        return Session.run(parent.err, common.verbose, () -> {
            Evaluator ev = Session.evaluator(common);
            if (expr != null) ev.parse(Session.STRING_SOURCE, dev.sysbuild.eval.Bytes.encode(expr), Session.cwd());
            else ev.parseFile(ev.resolveImport(Session.absolute(file)));
            return 0;
        });
    }
}
