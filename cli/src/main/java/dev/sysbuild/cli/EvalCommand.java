package dev.sysbuild.cli;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.print.JsonPrinter;
import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.eval.print.XmlPrinter;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild eval}: evaluates a file or expression and prints it like nix-instantiate --eval. */
final class EvalCommand implements Callable<Integer>, CommonOptions.Holder {
    SysbuildCommand parent;
    final CommonOptions common = new CommonOptions();
    private CommandSpec spec;
    boolean strict;
    boolean json;
    boolean xml;
    List<String> args = new ArrayList<>();
    List<String> argStrs = new ArrayList<>();
    List<String> attrPaths = new ArrayList<>();
    String expr;
    String file;

    EvalCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    @Override
    public CommonOptions common() {
        return common;
    }

    /** The command's model, built in code ({@link Specs} says why); {@link #call} reads it. */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "eval",
                "Evaluate a file or expression and print its value (as nix-instantiate --eval does).");
        c.addOption(Specs.flag("Evaluate the whole value, not just its outer layer.", "--strict"));
        c.addOption(Specs.flag("Print the value as JSON.", "--json"));
        c.addOption(Specs.flag("Print the value as XML (as nix-instantiate --xml).", "--xml"));
        c.addOption(Specs.option(OptionSpec.builder("--arg").arity("2").paramLabel("NAME EXPR").type(List.class)
                .auxiliaryTypes(String.class).description("Pass NAME = EXPR to a file whose value is a function."), null));
        c.addOption(Specs.option(OptionSpec.builder("--argstr").arity("2").paramLabel("NAME STRING").type(List.class)
                .auxiliaryTypes(String.class).description("Pass NAME = \"STRING\" to a function."), null));
        c.addOption(Specs.option(OptionSpec.builder("-A", "--attr").paramLabel("ATTRPATH").type(List.class)
                .auxiliaryTypes(String.class).description("Select an attribute path of the result."), null));
        c.addOption(Specs.option(OptionSpec.builder("-E", "--expr").paramLabel("EXPR").type(String.class)
                .description("Evaluate this expression instead of a file."), null));
        c.addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("FILE").type(String.class)
                .description("The file to evaluate (a directory means its default.nix).").build());
        spec = c;
        return c;
    }

    /** The parsed values, from {@link #spec}. */
    private void load() {
        strict = Specs.value(spec, "--strict");
        json = Specs.value(spec, "--json");
        xml = Specs.value(spec, "--xml");
        args = Specs.values(spec, "--arg");
        argStrs = Specs.values(spec, "--argstr");
        attrPaths = Specs.values(spec, "--attr");
        expr = Specs.value(spec, "--expr");
        file = Specs.positional(spec, 0);
    }

    @Override
    public Integer call() {
        load();
        if ((file == null) == (expr == null)) {
            parent.err.println("error: give exactly one of FILE or -E EXPR (see sysbuild eval --help)");
            return 2;
        }
        if (json && xml) {
            parent.err.println("error: --json and --xml cannot be used together");
            return 2;
        }
        return Session.run(parent.err, common.verbose, () -> {
            Evaluator ev = Session.evaluator(common);
            Value v = expr != null
                    ? ev.evalString(Session.STRING_SOURCE, Bytes.encode(expr), Session.cwd())
                    : ev.importFile(Session.absolute(file)).force();
            NixAttrs autoArgs = autoArgs(ev);
            // Like nix-instantiate --eval: without --arg/--argstr a function is printed, not called.
            boolean call = autoArgs.size() > 0;
            if (call) v = autoCall(v, autoArgs);
            List<Value> results = new ArrayList<>();
            if (attrPaths.isEmpty()) {
                results.add(v);
            } else {
                for (String path : attrPaths) {
                    Value selected = select(v, path);
                    results.add(call ? autoCall(selected, autoArgs) : selected);
                }
            }
            StringBuilder out = new StringBuilder();
            for (Value r : results) {
                if (json) out.append(JsonPrinter.print(ev, r, strict)).append('\n');
                else if (xml) out.append(XmlPrinter.print(ev, r, strict));
                else out.append(ValuePrinter.print(r, strict)).append('\n');
            }
            Output.write(parent.out, out);
            parent.out.flush();
            return 0;
        });
    }

    private NixAttrs autoArgs(Evaluator ev) {
        AttrsBuilder b = new AttrsBuilder();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            b.put(Bytes.encode(args.get(i)), ev.evalString(Bytes.encode("«arg»"), Bytes.encode(args.get(i + 1)), Session.cwd()));
        }
        for (int i = 0; i + 1 < argStrs.size(); i += 2) {
            b.put(Bytes.encode(argStrs.get(i)), NixString.of(Bytes.encode(argStrs.get(i + 1))));
        }
        return b.build();
    }

    /** As nix-instantiate does: a function with formals is called with the --arg values it asks for. */
    static Value autoCall(Value v, NixAttrs autoArgs) {
        Value f = v.force();
        if (f instanceof NixAttrs a && a.get("__functor") != null) {
            Value inner = Calls.apply(a.get("__functor"), a, null).force();
            if (inner instanceof Lambda l && l.node.hasFormals()) return Calls.apply(f, pick(l, autoArgs), null);
            return f;
        }
        if (!(f instanceof Lambda l) || !l.node.hasFormals()) return f;
        return Calls.apply(f, pick(l, autoArgs), null).force();
    }

    private static Value pick(Lambda l, NixAttrs autoArgs) {
        if (l.node.hasEllipsis()) return autoArgs;
        AttrsBuilder b = new AttrsBuilder();
        String[] names = l.node.formalNames();
        for (int i = 0; i < names.length; i++) {
            Value a = autoArgs.get(names[i]);
            if (a != null) b.put(names[i], a);
            else if (!l.node.formalHasDefault(i)) {
                throw EvalException.error("cannot evaluate a function that has an argument without a value ('"
                        + names[i] + "'); pass it with --arg or --argstr", l.node.formalSpan(i));
            }
        }
        return b.build();
    }

    static Value select(Value v, String path) {
        Value cur = v;
        if (path.isEmpty()) return cur;
        for (String part : Bytes.encode(path).split("\\.")) {
            Value f = cur.force();
            if (f instanceof dev.sysbuild.eval.value.NixList l && part.matches("[0-9]+")) {
                int i = Integer.parseInt(part);
                if (i >= l.size()) throw EvalException.error("list index " + i + " in attribute path '" + path + "' is out of bounds", null);
                cur = l.get(i);
                continue;
            }
            NixAttrs a = Force.attrs(f, null);
            Value next = a.get(part);
            if (next == null) throw EvalException.error("attribute '" + part + "' in selection path '" + path + "' not found", null);
            cur = next;
        }
        return cur;
    }
}
