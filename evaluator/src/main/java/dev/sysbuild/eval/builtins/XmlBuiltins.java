package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.value.Value;
import dev.sysbuild.eval.print.XmlPrinter;
import dev.sysbuild.eval.value.NixString;
import java.util.Set;
import java.util.TreeSet;

/** XML: toXML, the document {@code eval --xml} prints (the text keeps the store paths of the strings inside). */
final class XmlBuiltins {
    private XmlBuiltins() {}

    static void register(Registry r) {
        r.fn("toXML", 1, new Fn(0, r));
    }

    /** This group's builtins, by number ({@link NumberedBuiltins} says why). */
    private static final class Fn extends NumberedBuiltins {

        Fn(int id, Registry r) {
            super(id, r);
        }

        @Override
        public Value call(Value[] a) {
            return switch (id) {
                case 0 -> builtinToXML(a);
                default -> throw new IllegalStateException("no builtin " + id);
            };
        }

        /** {@code toXML} */
        private Value builtinToXML(Value[] a) {
            Set<String> context = new TreeSet<>();
            String xml = XmlPrinter.toXml(ev, a[0], context);
            return NixString.of(xml, context);
        }
    }
}
