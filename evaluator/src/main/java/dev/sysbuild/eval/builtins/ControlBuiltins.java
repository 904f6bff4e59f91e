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
        r.value("true", NixBool.TRUE);
        r.value("false", NixBool.FALSE);
        r.value("null", NixNull.NULL);
        r.fn("throw", 1, new Fn(0, r));
        r.fn("abort", 1, new Fn(1, r));
        r.fn("tryEval", 1, new Fn(2, r));
        r.fn("addErrorContext", 2, new Fn(3, r));
        r.fn("seq", 2, new Fn(4, r));
        r.fn("deepSeq", 2, new Fn(5, r));
        r.fn("trace", 2, new Fn(6, r));
        r.fn("traceVerbose", 2, new Fn(7, r));
        r.fn("warn", 2, new Fn(8, r));
        r.fn("break", 1, new Fn(9, r));
        r.fn("genericClosure", 1, new Fn(10, r));
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

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinThrow(a);
                case 1 -> builtinAbort(a);
                case 2 -> builtinTryEval(a);
                case 3 -> builtinAddErrorContext(a);
                case 4 -> builtinSeq(a);
                case 5 -> builtinDeepSeq(a);
                case 6 -> builtinTrace(a);
                case 7 -> builtinTraceVerbose(a);
                case 8 -> builtinWarn(a);
                case 9 -> builtinBreak(a);
                case 10 -> builtinGenericClosure(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code throw} */
        private Value builtinThrow(Value[] a) {
            throw new EvalException(EvalException.Kind.THROW, Force.plainString(a[0], null), null);
        }

        /** {@code abort} */
        private Value builtinAbort(Value[] a) {
            throw new EvalException(EvalException.Kind.ABORT,
                    "evaluation aborted with the following error message: '" + Force.plainString(a[0], null) + "'", null);
        }

        /** {@code tryEval} */
        private Value builtinTryEval(Value[] a) {
            AttrsBuilder b = new AttrsBuilder(2);
            try {
                Value v = a[0].force();
                b.put("success", NixBool.TRUE).put("value", v);
            } catch (EvalException e) {
                if (!e.catchable()) throw e;
                b.put("success", NixBool.FALSE).put("value", NixBool.FALSE);
            }
            return b.build();
        }

        /** {@code addErrorContext} */
        private Value builtinAddErrorContext(Value[] a) {
            try {
                return a[1].force();
            } catch (EvalException e) {
                throw e.addFrame(Force.plainString(a[0], null), null);
            }
        }

        /** {@code seq} */
        private Value builtinSeq(Value[] a) {
            a[0].force();
            return a[1].force();
        }

        /** {@code deepSeq} */
        private Value builtinDeepSeq(Value[] a) {
            deepForce(a[0]);
            return a[1].force();
        }

        /** {@code trace} */
        private Value builtinTrace(Value[] a) {
            Value msg = a[0].force();
            io.message(traceLine(msg instanceof dev.sysbuild.eval.value.NixString s ? s.value : ValuePrinter.print(msg, true)));
            return a[1].force();
        }

        /** {@code traceVerbose} */
        private Value builtinTraceVerbose(Value[] a) {
            return a[1].force();
        }

        /** {@code warn} */
        private Value builtinWarn(Value[] a) {
            Value msg = a[0].force();
            if (!(msg instanceof dev.sysbuild.eval.value.NixString s)) {
                throw Force.typeError("a string", msg, null);
            }
            io.message("evaluation warning: " + dev.sysbuild.eval.Bytes.decode(s.value));
            return a[1].force();
        }

        /** {@code break} */
        private Value builtinBreak(Value[] a) {
            return a[0].force();
        }

        /** {@code genericClosure} */
        private Value builtinGenericClosure(Value[] a) {
            return genericClosure(Force.attrs(a[0], null));
        }
    }
}
