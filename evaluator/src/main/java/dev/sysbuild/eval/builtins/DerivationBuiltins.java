package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.Node;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.PrimOp;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;
import dev.sysbuild.store.derivation.DerivationOutput;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Derivations: {@code derivationStrict} (see {@link DerivationStrict}), {@code derivation} and
 * {@code placeholder}.
 *
 * <p>{@code derivation} is, as in Nix, a function written in the language, so that it prints as a
 * lambda and {@code functionArgs derivation} is {@code { outputs = true; }}. It forces the
 * attributes and the list of outputs only; {@code derivationStrict} runs when {@code outPath} or
 * {@code drvPath} is first needed. The result has the given attributes, {@code drvAttrs} (them
 * again), {@code type = "derivation"}, and per output a set like the result but with that
 * output's {@code outPath} and {@code outputName}; {@code all} lists those sets, and the result
 * is the first of them. Those sets are built here rather than in the language so that each is
 * the very same value wherever it appears ({@code d.out} is {@code d}), which is what Nix prints
 * as {@code «repeated»}.
 */
final class DerivationBuiltins {
    private static final String WRAPPER_NAME = Bytes.encode("«sysbuild»/derivation.nix");
    private static final String WRAPPER = "drvAttrs@{ outputs ? [ \"out\" ], ... }: derivationAttrs drvAttrs outputs\n";

    private DerivationBuiltins() {}

    static void register(Registry r) {
        Evaluator ev = r.evaluator();
        r.fn("derivationStrict", 1, new Fn(0, r));
        Value strict = r.get("derivationStrict");
        NixAttrs scope = new AttrsBuilder(1)
                .put("derivationAttrs", new PrimOp("derivationAttrs", 2, a -> derivationAttrs(strict, a[0], a[1])))
                .build();
        // Compiled on first use: the compiler does not exist yet while builtins are registered.
        r.value("derivation", new Thunk(new Node(null) {
            @Override
            public Value eval(Env env) {
                return ev.evalStringWithScope(WRAPPER_NAME, WRAPPER, "/", scope).force();
            }
        }, null));
        r.fn("placeholder", 1, new Fn(1, r));
    }

    /** The result of {@code derivation drvAttrs}, given {@code drvAttrs.outputs or [ "out" ]}. */
    private static Value derivationAttrs(Value strictOp, Value drvAttrsValue, Value outputsValue) {
        NixAttrs drvAttrs = Force.attrs(drvAttrsValue, null);
        NixList outputs = Force.list(outputsValue, null);
        int n = outputs.size();
        if (n == 0) throw EvalException.error("a derivation needs at least one output, but 'outputs' is empty", null);
        String[] outputNames = new String[n];
        for (int i = 0; i < n; i++) outputNames[i] = ContextBuiltins.noContext(outputs.get(i));

        TreeSet<String> keys = new TreeSet<>(Arrays.asList(drvAttrs.names()));
        keys.addAll(Arrays.asList(outputNames));
        keys.addAll(Arrays.asList("all", "drvAttrs", "drvPath", "outPath", "outputName", "type"));
        String[] names = keys.toArray(new String[0]);

        Value strict = new Thunk(new Node(null) {
            @Override
            public Value eval(Env env) {
                return Calls.apply(strictOp, drvAttrsValue, null);
            }
        }, null);
        Value drvPath = selectLater(strict, "drvPath");
        Value type = NixString.of("derivation");

        // Tie the knot: each set holds the others (and itself) by output name and in `all`, so the
        // sets are made first and their value arrays filled before any of them is handed out.
        Value[][] values = new Value[n][];
        NixAttrs[] perOutput = new NixAttrs[n];
        for (int i = 0; i < n; i++) {
            values[i] = new Value[names.length];
            Span[] positions = new Span[names.length];
            for (int k = 0; k < names.length; k++) positions[k] = drvAttrs.positionOf(names[k]);
            perOutput[i] = NixAttrs.sorted(names.clone(), values[i], positions);
        }
        NixList all = NixList.wrap(perOutput.clone());
        for (int i = 0; i < n; i++) {
            Value outPath = selectLater(strict, outputNames[i]);
            for (int k = 0; k < names.length; k++) {
                values[i][k] = switch (names[k]) {
                    case "outPath" -> outPath;
                    case "drvPath" -> drvPath;
                    case "type" -> type;
                    case "outputName" -> outputs.get(i);
                    case "all" -> all;
                    case "drvAttrs" -> drvAttrsValue;
                    default -> {
                        int first = Arrays.asList(outputNames).indexOf(names[k]);
                        yield first >= 0 ? perOutput[first] : drvAttrs.get(names[k]);
                    }
                };
            }
        }
        return perOutput[0];
    }

    /** {@code set.attr}, evaluated when needed. */
    private static Value selectLater(Value set, String attr) {
        return new Thunk(new Node(null) {
            @Override
            public Value eval(Env env) {
                Value v = Force.attrs(set, null).get(attr);
                if (v == null) throw EvalException.error("attribute '" + attr + "' missing", null);
                return v.force();
            }
        }, null);
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinDerivationStrict(a);
                case 1 -> builtinPlaceholder(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code derivationStrict} */
        private Value builtinDerivationStrict(Value[] a) {
            return DerivationStrict.call(ev, a[0]);
        }

        /** {@code placeholder} */
        private Value builtinPlaceholder(Value[] a) {
            return NixString.of(DerivationOutput.placeholder(ContextBuiltins.noContext(a[0])));
        }
    }
}
