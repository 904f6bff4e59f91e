package dev.sysbuild.eval.value;

import dev.sysbuild.eval.node.Env;
import dev.sysbuild.eval.node.LambdaNode;

/** A user function: its code and the environment it closes over. */
public final class Lambda extends Value {
    public final LambdaNode node;
    public final Env env;

    public Lambda(LambdaNode node, Env env) {
        this.node = node;
        this.env = env;
    }

    @Override public String typeOf() { return "lambda"; }

    @Override public String showType() { return "a function"; }
}
