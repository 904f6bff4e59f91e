package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.EvalIO;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.value.PrimOp;

/**
 * The builtins of one group as one class, each builtin chosen by its number in a switch. As
 * lambdas, each builtin's call site cost ~0.25 ms to link when the first evaluator was made, and
 * ~100 of them were most of its start-up; a class per group is loaded once from the class-data
 * archive.
 */
abstract class NumberedBuiltins implements PrimOp.Impl {
    /** Which builtin of the group this is (the case of the group's switch). */
    final int id;
    /** Where the builtin is registered, its evaluator and the evaluator's I/O. */
    final Registry r;
    final Evaluator ev;
    final EvalIO io;

    NumberedBuiltins(int id, Registry r) {
        this.id = id;
        this.r = r;
        this.ev = r.evaluator();
        this.io = ev.io();
    }
}
