package dev.sysbuild.eval.print;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.value.Value;

/** Values as XML, as nix-instantiate --xml and builtins.toXML write them. */
public final class XmlPrinter {
    private XmlPrinter() {}

    public static String print(Evaluator ev, Value v, boolean strict) {
        throw EvalException.error("XML output is not implemented yet", null);
    }
}
