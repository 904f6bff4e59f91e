package dev.sysbuild.eval.modules;

import dev.sysbuild.eval.value.NixAttrs;
import dev.sysbuild.eval.value.Value;
import dev.sysbuild.language.diag.Span;

/**
 * The small attribute sets the fast paths make by the million: their name arrays are constants and
 * their (absent) positions one shared array per size, as attribute sets never write either.
 */
final class Records {
    private static final Span[][] NO_POSITIONS = new Span[17][];

    static {
        for (int i = 0; i < NO_POSITIONS.length; i++) NO_POSITIONS[i] = new Span[i];
    }

    private Records() {}

    static final String[] FILE_POS_VALUE = {"file", "pos", "value"};
    static final String[] FILE_ORDER_POS_PRIO_VALUE = {"file", "order", "pos", "prio", "value"};
    static final String[] ORDER_PRIO_VALUE = {"order", "prio", "value"};
    static final String[] FILE_VALUE = {"file", "value"};
    static final String[] VALUE = {"value"};
    static final String[] LOC = {"loc"};
    static final String[] PATH = {"path"};
    static final String[] FILE_POS_RAW_WRAP = {"file", "pos", "raw", "wrap"};
    static final String[] UNMATCHED = {"declared", "file", "path", "pos", "value"};
    static final String[] OVERRIDE = {"_type", "content", "priority"};

    /** A set of these (sorted) names and values, without positions. */
    static NixAttrs of(String[] names, Value... values) {
        return NixAttrs.sorted(names, values, noPositions(names.length));
    }

    static Span[] noPositions(int n) {
        return n < NO_POSITIONS.length ? NO_POSITIONS[n] : new Span[n];
    }
}
