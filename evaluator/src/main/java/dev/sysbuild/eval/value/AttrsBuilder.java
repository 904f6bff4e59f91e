package dev.sysbuild.eval.value;

import dev.sysbuild.language.diag.Span;
import java.util.Arrays;
import java.util.Comparator;

/** Builds an attribute set from entries in any order; a later entry with the same name wins. */
public final class AttrsBuilder {
    private String[] names;
    private Value[] values;
    private Span[] positions;
    private int size;

    public AttrsBuilder(int capacity) {
        names = new String[Math.max(4, capacity)];
        values = new Value[names.length];
        positions = new Span[names.length];
    }

    public AttrsBuilder() {
        this(8);
    }

    public AttrsBuilder put(String name, Value value) {
        return put(name, value, null);
    }

    public AttrsBuilder put(String name, Value value, Span position) {
        if (size == names.length) {
            int n = size * 2;
            names = Arrays.copyOf(names, n);
            values = Arrays.copyOf(values, n);
            positions = Arrays.copyOf(positions, n);
        }
        names[size] = name;
        values[size] = value;
        positions[size++] = position;
        return this;
    }

    public int size() { return size; }

    /** Sorts by name; when a name repeats, keepFirst decides which entry stays. */
    public NixAttrs build(boolean keepFirst) {
        if (size == 0) return NixAttrs.EMPTY;
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) order[i] = i;
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) if (names[i - 1].compareTo(names[i]) >= 0) sorted = false;
        if (!sorted) Arrays.sort(order, Comparator.<Integer, String>comparing(i -> names[i]).thenComparing(i -> i));
        String[] k = new String[size];
        Value[] v = new Value[size];
        Span[] p = new Span[size];
        int o = 0;
        for (int idx = 0; idx < size; idx++) {
            int i = order[idx];
            if (o > 0 && k[o - 1].equals(names[i])) {
                if (keepFirst) continue;
                o--;
            }
            k[o] = names[i];
            v[o] = values[i];
            p[o++] = positions[i];
        }
        if (o < size) {
            k = Arrays.copyOf(k, o);
            v = Arrays.copyOf(v, o);
            p = Arrays.copyOf(p, o);
        }
        return NixAttrs.sorted(k, v, p);
    }

    /** Keeps the last entry of a repeated name. */
    public NixAttrs build() {
        return build(false);
    }
}
