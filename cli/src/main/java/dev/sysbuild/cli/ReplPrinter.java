package dev.sysbuild.cli;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.PrimOp;
import dev.sysbuild.eval.value.PrimOpApp;
import dev.sysbuild.eval.value.Value;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Prints values as {@code nix repl} does: it forces what it shows down to a depth (one level
 * for a plain expression, everything for {@code :p}), writes {@code { ... }} and {@code [ ... ]}
 * below that, {@code «lambda @ file:line:col»} for functions and {@code «derivation path»} for
 * derivations. An attribute or element that fails is shown as {@code «error: message»} so the
 * rest of the value still prints. The result is a byte string, like the evaluator's strings.
 */
final class ReplPrinter {
    /** How deep a plain expression is forced: its attributes and elements, not theirs. */
    static final int SHALLOW = 1;
    static final int DEEP = Integer.MAX_VALUE;

    private static final String REPEATED = Bytes.encode("«repeated»");

    private final Set<Value> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final StringBuilder sb = new StringBuilder();

    private ReplPrinter() {}

    /** Forces {@code v} as deep as {@code depth} and prints it; an error at the top is thrown. */
    static String print(Value v, int depth) {
        ReplPrinter p = new ReplPrinter();
        p.value(v.force(), depth);
        return p.sb.toString();
    }

    private void value(Value v, int depth) {
        if (v instanceof NixInt i) sb.append(i.value);
        else if (v instanceof NixFloat f) sb.append(ValuePrinter.formatFloat(f.value));
        else if (v instanceof NixBool b) sb.append(b.value ? "true" : "false");
        else if (v instanceof NixNull) sb.append("null");
        else if (v instanceof NixString s) ValuePrinter.quote(sb, s.value);
        else if (v instanceof NixPath p) sb.append(p.path);
        else if (v instanceof NixAttrs a) attrs(a, depth);
        else if (v instanceof NixList l) list(l, depth);
        else if (v instanceof Lambda l) marker("lambda @ " + l.node.span().location());
        else if (v instanceof PrimOp) marker("primop");
        else if (v instanceof PrimOpApp) marker("primop-app");
        else marker(v.typeOf());
    }

    private void attrs(NixAttrs a, int depth) {
        seen.add(a);
        if (a.isDerivation()) {
            marker("derivation " + drvPath(a));
        } else if (depth <= 0) {
            sb.append("{ ... }");
        } else {
            sb.append("{ ");
            for (int i = 0; i < a.size(); i++) {
                ValuePrinter.attrName(sb, a.name(i));
                sb.append(" = ");
                nested(a.value(i), depth - 1);
                sb.append("; ");
            }
            sb.append('}');
        }
    }

    private void list(NixList l, int depth) {
        seen.add(l);
        sb.append("[ ");
        if (depth <= 0) {
            sb.append("... ");
        } else {
            for (int i = 0; i < l.size(); i++) {
                nested(l.get(i), depth - 1);
                sb.append(' ');
            }
        }
        sb.append(']');
    }

    /** An attribute or element: forced here, so a failure shows in place instead of ending the print. */
    private void nested(Value v, int depth) {
        Value forced;
        try {
            forced = v.force();
        } catch (EvalException e) {
            marker("error: " + e.getMessage());
            return;
        }
        if (seen.contains(forced)) {
            sb.append(REPEATED);
            return;
        }
        value(forced, depth);
    }

    private static String drvPath(NixAttrs drv) {
        Value path = drv.get("drvPath");
        try {
            return path != null && path.force() instanceof NixString s ? s.value : "???";
        } catch (EvalException e) {
            return "???";
        }
    }

    /** «text», with the guillemets as UTF-8 bytes; text is already a byte string or ASCII. */
    private void marker(String text) {
        sb.append(Bytes.encode("«")).append(text).append(Bytes.encode("»"));
    }
}
