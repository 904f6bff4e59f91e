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
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) if (names[i - 1].compareTo(names[i]) >= 0) sorted = false;
        if (sorted) {
            return NixAttrs.sorted(Arrays.copyOf(names, size), Arrays.copyOf(values, size), Arrays.copyOf(positions, size));
        }
        // A stable sort keeps repeated names in insertion order, so first and last are well defined.
        Entry[] entries = new Entry[size];
        for (int i = 0; i < size; i++) entries[i] = new Entry(names[i], values[i], positions[i]);
        Arrays.sort(entries, Comparator.comparing(Entry::name));
        String[] k = new String[size];
        Value[] v = new Value[size];
        Span[] p = new Span[size];
        int o = 0;
        for (Entry e : entries) {
            if (o > 0 && k[o - 1].equals(e.name)) {
                if (keepFirst) continue;
                o--;
            }
            k[o] = e.name;
            v[o] = e.value;
            p[o++] = e.position;
        }
        if (o < size) {
            k = Arrays.copyOf(k, o);
            v = Arrays.copyOf(v, o);
            p = Arrays.copyOf(p, o);
        }
        return NixAttrs.sorted(k, v, p);
    }

    private record Entry(String name, Value value, Span position) {}

    /** Keeps the last entry of a repeated name. */
    public NixAttrs build() {
        return build(false);
    }
}
