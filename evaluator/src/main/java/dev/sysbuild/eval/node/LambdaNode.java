package dev.sysbuild.eval.node;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import java.util.List;

/** A function expression; evaluating it closes over the current environment. */
public final class LambdaNode extends Node {
    final String arg;
    /** Formal names in source order, or null for {@code x: ...}. */
    final String[] formals;
    final Node[] defaults;
    final boolean ellipsis;
    final Span[] formalSpans;
    Node body;
    String name;
    /**
     * The body forces the argument before it does anything else ({@code n: if n < 2 ...}), so an
     * argument that can be computed at once without effects (see {@link Node#eager}) may be
     * passed computed instead of as a thunk: nothing can tell the difference, since nothing else
     * can see the argument before it is forced.
     */
    boolean strictArg;

    LambdaNode(Span span, String arg, String[] formals, Node[] defaults, Span[] formalSpans, boolean ellipsis) {
        super(span);
        this.arg = arg;
        this.formals = formals;
        this.defaults = defaults;
        this.formalSpans = formalSpans;
        this.ellipsis = ellipsis;
    }

    @Override
    public Value eval(Env env) {
        return new Lambda(this, env);
    }

    @Override
    public Value delay(Env env) {
        return new Lambda(this, env);
    }

    public String name() { return name; }

    /** An argument for a call of this function: computed at once where that is unobservable, else delayed. */
    Value argument(Node node, Env env) {
        if (strictArg) {
            Value v = node.eager(env);
            if (v != null) return v;
        }
        return node.delay(env);
    }

    public String argName() { return arg; }

    public boolean hasFormals() { return formals != null; }

    public boolean hasEllipsis() { return ellipsis; }

    public String[] formalNames() { return formals; }

    public boolean formalHasDefault(int i) { return defaults[i] != null; }

    public Span formalSpan(int i) { return formalSpans[i]; }

    private String describe() {
        return name != null ? "function '" + name + "'" : "anonymous function";
    }

    public Value call(Env closure, Value argument, Span site) {
        Env env = bind(closure, argument, site);
        try {
            return body.eval(env);
        } catch (EvalException e) {
            throw e.addFrame("while calling " + describe(), site);
        }
    }

    /**
     * {@code f a b} for this function f. When f is curried ({@code a: b: ...}) the function
     * {@code f a} is not allocated: its scope is bound and the inner function called at once.
     */
    public Value call(Env closure, Value first, Value second, Span site) {
        if (body instanceof LambdaNode inner) return inner.call(bind(closure, first, site), second, site);
        return dev.sysbuild.eval.Calls.apply(call(closure, first, site), second, site);
    }

    /** The scope of a call: the argument, or the formals matched against it. */
    Env bind(Env closure, Value argument, Span site) {
        Env env;
        if (formals == null) {
            env = new Env(argument, closure);
        } else {
            NixAttrs attrs = Force.attrs(argument, site);
            Value[] slots = new Value[formals.length + (arg != null ? 1 : 0)];
            env = new Env(slots, closure);
            int used = 0;
            for (int i = 0; i < formals.length; i++) {
                Value v = attrs.get(formals[i]);
                if (v != null) {
                    slots[i] = v;
                    used++;
                } else if (defaults[i] != null) {
                    slots[i] = defaults[i].delay(env);
                } else {
                    throw EvalException.type(describe() + " called without required argument '" + formals[i] + "'", site)
                            .addFrame("while calling " + describe(), span);
                }
            }
            if (!ellipsis && used < attrs.size()) throw unexpected(attrs, site);
            if (arg != null) slots[formals.length] = argument;
        }
        return env;
    }

    private EvalException unexpected(NixAttrs attrs, Span site) {
        List<String> known = List.of(formals);
        for (String n : attrs.names()) {
            if (!known.contains(n)) {
                return EvalException.type(describe() + " called with unexpected argument '" + n + "'"
                                + dev.sysbuild.eval.Suggestions.didYouMean(n, formals), site)
                        .addFrame("while calling " + describe(), span);
            }
        }
        throw new IllegalStateException("no unexpected argument");
    }
}
