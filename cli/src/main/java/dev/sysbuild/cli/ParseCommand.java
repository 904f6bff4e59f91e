package dev.sysbuild.cli;

import dev.sysbuild.eval.Evaluator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild parse FILE}: checks syntax and scoping, as Nix does before evaluating. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse a file (syntax, undefined variables, duplicate attributes); exit 0 if it is valid.")
final class ParseCommand implements Callable<Integer>, CommonOptions.Holder {
    @ParentCommand
    SysbuildCommand parent;

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Option(names = {"-E", "--expr"}, description = "Parse this expression instead of a file.")
    String expr;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to parse.")
    String file;

    @Override
    public Integer call() {
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
