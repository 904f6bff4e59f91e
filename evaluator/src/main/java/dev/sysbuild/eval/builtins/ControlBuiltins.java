package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.Ops;
import dev.sysbuild.eval.print.ValuePrinter;
import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Errors, tracing and forcing: throw, abort, tryEval, seq, deepSeq, trace, genericClosure. */
final class ControlBuiltins {
    private ControlBuiltins() {}

    static void register(Registry r) {
        dev.sysbuild.eval.EvalIO io = r.ev.io();
        r.value("true", NixBool.TRUE);
        r.value("false", NixBool.FALSE);
        r.value("null", NixNull.NULL);
        r.fn("throw", 1, a -> {
            throw new EvalException(EvalException.Kind.THROW, Force.plainString(a[0], null), null);
        });
        r.fn("abort", 1, a -> {
            throw new EvalException(EvalException.Kind.ABORT,
                    "evaluation aborted with the following error message: '" + Force.plainString(a[0], null) + "'", null);
        });
        r.fn("tryEval", 1, a -> {
            AttrsBuilder b = new AttrsBuilder(2);
            try {
                Value v = a[0].force();
                b.put("success", NixBool.TRUE).put("value", v);
            } catch (EvalException e) {
                if (!e.catchable()) throw e;
                b.put("success", NixBool.FALSE).put("value", NixBool.FALSE);
            }
            return b.build();
        });
        r.fn("addErrorContext", 2, a -> {
            try {
                return a[1].force();
            } catch (EvalException e) {
                throw e.addFrame(Force.plainString(a[0], null), null);
            }
        });
        r.fn("seq", 2, a -> {
            a[0].force();
            return a[1].force();
        });
        r.fn("deepSeq", 2, a -> {
            deepForce(a[0]);
            return a[1].force();
        });
        r.fn("trace", 2, a -> {
            Value msg = a[0].force();
            io.message(traceLine(msg instanceof dev.sysbuild.eval.value.NixString s ? s.value : ValuePrinter.print(msg, true)));
            return a[1].force();
        });
        r.fn("traceVerbose", 2, a -> a[1].force());
        r.fn("warn", 2, a -> {
            Value msg = a[0].force();
            if (!(msg instanceof dev.sysbuild.eval.value.NixString s)) {
                throw Force.typeError("a string", msg, null);
            }
            io.message("evaluation warning: " + dev.sysbuild.eval.Bytes.decode(s.value));
            return a[1].force();
        });
        r.fn("break", 1, a -> a[0].force());
        r.fn("genericClosure", 1, a -> genericClosure(Force.attrs(a[0], null)));
    }

    static String traceLine(String message) {
        return "trace: " + dev.sysbuild.eval.Bytes.decode(message);
    }

    /** Forces a value and everything inside it, without recursion (deep structures must not overflow). */
    static void deepForce(Value root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Value> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Value v = todo.pop().force();
            if (v instanceof NixAttrs a) {
                if (!seen.add(a)) continue;
                for (int i = a.size() - 1; i >= 0; i--) todo.push(a.value(i));
            } else if (v instanceof NixList l) {
                if (!seen.add(l)) continue;
                for (int i = l.size() - 1; i >= 0; i--) todo.push(l.get(i));
            }
        }
    }

    private static Value genericClosure(NixAttrs args) {
        Value start = args.get("startSet");
        if (start == null) throw EvalException.error("attribute 'startSet' required", null);
        Value op = args.get("operator");
        if (op == null) throw EvalException.error("attribute 'operator' required", null);
        Deque<Value> work = new ArrayDeque<>();
        for (Value v : Force.list(start, null).items()) work.add(v);
        List<Value> done = new ArrayList<>();
        java.util.TreeSet<Value> keys = new java.util.TreeSet<>((x, y) ->
                Ops.lessThan(x, y, null) ? -1 : Ops.lessThan(y, x, null) ? 1 : 0);
        while (!work.isEmpty()) {
            Value e = work.removeFirst();
            NixAttrs item = Force.attrs(e, null);
            Value key = item.get("key");
            if (key == null) throw EvalException.error("attribute 'key' required", null);
            key = key.force();
            if (!keys.add(key)) continue;
            done.add(item);
            NixList next = Force.list(Args.call(op, item), null);
            for (Value v : next.items()) work.addLast(v);
        }
        return NixList.wrap(done.toArray(new Value[0]));
    }
}
