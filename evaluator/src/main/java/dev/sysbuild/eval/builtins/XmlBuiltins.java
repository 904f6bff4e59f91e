package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.print.XmlPrinter;
import dev.sysbuild.eval.value.NixString;
import java.util.Set;
import java.util.TreeSet;

/** XML: toXML, the document {@code eval --xml} prints (the text keeps the store paths of the strings inside). */
final class XmlBuiltins {
    private XmlBuiltins() {}

    static void register(Registry r) {
        Evaluator ev = r.evaluator();
        r.fn("toXML", 1, a -> {
            Set<String> context = new TreeSet<>();
            String xml = XmlPrinter.toXml(ev, a[0], context);
            return NixString.of(xml, context);
        });
    }
}
