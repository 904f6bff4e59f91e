package dev.sysbuild.eval.print;

import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.value.Lambda;
import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.NixBool;
import dev.sysbuild.eval.value.NixFloat;
import dev.sysbuild.eval.value.NixInt;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.NixNull;
import dev.sysbuild.eval.value.NixPath;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Thunk;
import dev.sysbuild.eval.value.Value;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Values as XML, byte for byte as {@code nix-instantiate --eval --xml} and {@code builtins.toXML}
 * write them: one element per line, two spaces per level, XML attributes in name order,
 * functions as their argument pattern, and each derivation's attributes only the first time its
 * {@code drvPath} appears ({@code <repeated />} after that).
 */
public final class XmlPrinter {
    private final boolean strict;
    private final Set<String> context;
    private final Set<String> derivationsSeen = new HashSet<>();
    private final StringBuilder out = new StringBuilder();
    private int depth;

    private XmlPrinter(boolean strict, Set<String> context) {
        this.strict = strict;
        this.context = context;
    }

    /** For {@code --xml}. Without strict, parts not evaluated yet print as {@code <unevaluated />}. */
    public static String print(Evaluator ev, Value v, boolean strict) {
        return document(v, strict, new TreeSet<>());
    }

    /** For {@code builtins.toXML}: forces everything; adds the store paths of the strings inside to {@code context}. */
    public static String toXml(Evaluator ev, Value v, Set<String> context) {
        return document(v, true, context);
    }

    private static String document(Value v, boolean strict, Set<String> context) {
        XmlPrinter p = new XmlPrinter(strict, context);
        p.out.append("<?xml version='1.0' encoding='utf-8'?>\n");
        p.open("expr");
        p.value(v);
        p.close("expr");
        return p.out.toString();
    }

    private void value(Value v) {
        if (strict || !(v instanceof Thunk t) || t.isEvaluated()) v = v.force();
        if (v instanceof NixInt i) empty("int", "value", Long.toString(i.value));
        else if (v instanceof NixBool b) empty("bool", "value", b.value ? "true" : "false");
        else if (v instanceof NixString s) {
            context.addAll(s.context());
            empty("string", "value", s.value);
        } else if (v instanceof NixPath p) empty("path", "value", p.path);
        else if (v instanceof NixNull) empty("null");
        else if (v instanceof NixAttrs a) {
            if (a.isDerivation()) derivation(a);
            else {
                open("attrs");
                attrs(a);
                close("attrs");
            }
        } else if (v instanceof NixList l) {
            open("list");
            for (Value item : l.items()) value(item);
            close("list");
        } else if (v instanceof Lambda l) function(l);
        else if (v instanceof NixFloat f) empty("float", "value", ValuePrinter.formatFloat(f.value));
        else empty("unevaluated"); // a thunk left alone, or a builtin (Nix has no form for those either)
    }

    private void attrs(NixAttrs a) {
        for (int i = 0; i < a.size(); i++) {
            open("attr", "name", a.name(i));
            value(a.value(i));
            close("attr");
        }
    }

    private void derivation(NixAttrs a) {
        String drvPath = stringAttr(a, "drvPath");
        String outPath = stringAttr(a, "outPath");
        indent();
        out.append("<derivation");
        if (drvPath != null) attribute("drvPath", drvPath);
        if (outPath != null) attribute("outPath", outPath);
        out.append(">\n");
        depth++;
        if (drvPath != null && !drvPath.isEmpty() && derivationsSeen.add(drvPath)) attrs(a);
        else empty("repeated");
        close("derivation");
    }

    /** The attribute's string, or null when it is missing, not a string, or (without strict) not evaluated. */
    private String stringAttr(NixAttrs a, String name) {
        Value v = a.get(name);
        if (v == null) return null;
        if (strict) v = v.force();
        else if (v instanceof Thunk t) v = t.isEvaluated() ? t.force() : null;
        return v instanceof NixString s ? s.value : null;
    }

    private void function(Lambda l) {
        open("function");
        if (l.node.hasFormals()) {
            indent();
            out.append("<attrspat");
            if (l.node.hasEllipsis()) attribute("ellipsis", "1");
            if (l.node.argName() != null) attribute("name", l.node.argName());
            out.append(">\n");
            depth++;
            String[] formals = l.node.formalNames().clone();
            Arrays.sort(formals);
            for (String f : formals) empty("attr", "name", f);
            close("attrspat");
        } else {
            empty("varpat", "name", l.node.argName());
        }
        close("function");
    }

    private void open(String element) {
        indent();
        out.append('<').append(element).append(">\n");
        depth++;
    }

    private void open(String element, String attribute, String value) {
        indent();
        out.append('<').append(element);
        attribute(attribute, value);
        out.append(">\n");
        depth++;
    }

    private void close(String element) {
        depth--;
        indent();
        out.append("</").append(element).append(">\n");
    }

    private void empty(String element) {
        indent();
        out.append('<').append(element).append(" />\n");
    }

    private void empty(String element, String attribute, String value) {
        indent();
        out.append('<').append(element);
        attribute(attribute, value);
        out.append(" />\n");
    }

    private void indent() {
        out.append("  ".repeat(depth));
    }

    /**
     * One XML attribute. Newlines are written as a character reference so that XML readers do not
     * normalise them to spaces; Nix leaves carriage returns and tabs as they are.
     */
    private void attribute(String name, String value) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n' -> out.append("&#xA;");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
