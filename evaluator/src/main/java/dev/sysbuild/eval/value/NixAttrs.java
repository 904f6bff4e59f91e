package dev.sysbuild.eval.value;

import dev.sysbuild.language.diag.Span;
import java.util.Arrays;

/**
 * An immutable attribute set: names sorted (byte order), values possibly unforced, and the
 * position each attribute was defined at (for {@code unsafeGetAttrPos} and error messages).
 *
 * <p>{@code big // small}, the step of every fold that merges modules, does not copy the big set
 * at once: the result is <em>layered</em> (the base and the few attributes laid over it), looked
 * up through the layers, and flattened into arrays only when something needs more than a lookup
 * by name (its size, its names, an index), or when the layers get {@link #MAX_LAYERS} deep. A fold
 * of n small updates over a set of m attributes then copies it n / MAX_LAYERS times instead of n,
 * and the intermediate sets a lazy merge keeps alive (each held by the thunks of the next) are a
 * few small layers each rather than m-long arrays: less to allocate and far less for the
 * collector to copy. Evaluation is single-threaded, so flattening in place needs no locking.
 */
public final class NixAttrs extends Value {
    public static final NixAttrs EMPTY = new NixAttrs(new String[0], new Value[0], new Span[0]);

    /** The arrays; null while the set is layered. */
    private String[] names;
    private Value[] values;
    private Span[] positions;

    /** While layered: what this set is made of; null once flat (most sets never have one). */
    private Layer layer;

    /**
     * A layered set is {@code base // over}, over flat and small, {@code depth} layers down to the
     * first flat base; {@code sizeBound} is an upper bound of its size. Kept apart from the set so
     * the many sets that are never layered stay small.
     */
    private record Layer(NixAttrs base, NixAttrs over, int depth, int sizeBound) {}

    /** Layer only over sets at least this big (copying smaller ones is cheaper than looking through layers). */
    private static final int LAYER_MIN = 64;
    /** Deeper than this, an update flattens: lookups stay within a few probes. */
    private static final int MAX_LAYERS = 8;

    private NixAttrs(String[] names, Value[] values, Span[] positions) {
        this.names = names;
        this.values = values;
        this.positions = positions;
    }

    private NixAttrs(NixAttrs base, NixAttrs over) {
        Layer below = base.layer;
        this.layer = new Layer(base, over, below == null ? 1 : below.depth + 1, base.sizeBound() + over.names.length);
    }

    private int sizeBound() {
        Layer l = layer;
        return l != null ? l.sizeBound : names.length;
    }

    /** Makes a layered set flat: the base's arrays with every layer applied in one copy. */
    private void flatten() {
        NixAttrs top = layer.over;
        NixAttrs s = layer.base;
        // base // o1 // o2 // ... // top == base // (o1 // o2 // ... // top): merge the small layers first.
        while (s.layer != null) {
            top = s.layer.over.updateFlat(top);
            s = s.layer.base;
        }
        NixAttrs flat = s.updateFlat(top);
        names = flat.names;
        values = flat.values;
        positions = flat.positions;
        layer = null;
    }

    private void need() {
        if (layer != null) flatten();
    }

    /** Takes ownership of the arrays, which must be sorted by name with no duplicates. */
    public static NixAttrs sorted(String[] names, Value[] values, Span[] positions) {
        return names.length == 0 ? EMPTY : new NixAttrs(names, values, positions);
    }

    public int size() { need(); return names.length; }

    public String name(int i) { need(); return names[i]; }

    public Value value(int i) { need(); return values[i]; }

    public Span position(int i) { need(); return positions[i]; }

    public int indexOf(String name) {
        need();
        if (names.length < 8) {
            for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
            return -1;
        }
        char[] table = hashIndex;
        if (table == null) {
            // Sets built by `//` in a fold are often looked up once or twice and then dropped;
            // only a set that keeps being looked up earns its index.
            if (names.length < HASHED || names.length >= Character.MAX_VALUE || ++lookups < INDEX_AFTER) {
                int i = Arrays.binarySearch(names, name);
                return i >= 0 ? i : -1;
            }
            table = hashIndex();
        }
        int mask = table.length - 1;
        for (int h = spread(name.hashCode()) & mask; ; h = (h + 1) & mask) {
            int slot = table[h];
            if (slot == 0) return -1;
            if (names[slot - 1].equals(name)) return slot - 1;
        }
    }

    /** Sets at least this big get a hash index once they have been looked up INDEX_AFTER times. */
    private static final int HASHED = 64;
    private static final int INDEX_AFTER = 32;

    /** Lookups so far, until the index exists (a benign race: it only decides when to build). */
    private int lookups;

    /**
     * Open addressing over the name array: a slot holds index + 1, 0 is empty; 16 bits a slot
     * (sets of 65,535 names and more are binary-searched) and a load between 1/3 and 2/3, so an
     * index costs 3-6 bytes a name (a big evaluation holds thousands of indexed sets). Built
     * lazily, idempotent.
     */
    private char[] hashIndex;

    private char[] hashIndex() {
        char[] table = hashIndex;
        if (table != null) return table;
        int n = names.length;
        table = new char[Integer.highestOneBit(n + n / 2) << 1];
        int mask = table.length - 1;
        for (int i = 0; i < n; i++) {
            int h = spread(names[i].hashCode()) & mask;
            while (table[h] != 0) h = (h + 1) & mask;
            table[h] = (char) (i + 1);
        }
        hashIndex = table;
        return table;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** The value of an attribute, or null when absent. Looks through the layers without flattening. */
    public Value get(String name) {
        NixAttrs s = this;
        for (Layer l = s.layer; l != null; l = s.layer) {
            int i = l.over.indexOf(name);
            if (i >= 0) return l.over.values[i];
            s = l.base;
        }
        int i = s.indexOf(name);
        return i < 0 ? null : s.values[i];
    }

    public Span positionOf(String name) {
        NixAttrs s = this;
        for (Layer l = s.layer; l != null; l = s.layer) {
            int i = l.over.indexOf(name);
            if (i >= 0) return l.over.positions[i];
            s = l.base;
        }
        int i = s.indexOf(name);
        return i < 0 ? null : s.positions[i];
    }

    public String[] names() { need(); return names; }

    public Value[] values() { need(); return values; }

    public Span[] positions() { need(); return positions; }

    /** {@code this // other}. */
    public NixAttrs update(NixAttrs other) {
        other.need();
        if (other.names.length == 0) return this;
        int bound = sizeBound();
        if (bound == 0) return other;
        if (other.names.length * 8 <= bound && bound >= LAYER_MIN) {
            NixAttrs layered = new NixAttrs(this, other);
            if (layered.layer.depth > MAX_LAYERS) layered.flatten();
            return layered;
        }
        need();
        return updateFlat(other);
    }

    /** {@code this // other} for two flat sets, as one new flat set. */
    private NixAttrs updateFlat(NixAttrs other) {
        if (other.names.length == 0) return this;
        if (names.length == 0) return other;
        if (other.names.length * 8 <= names.length) return updateFew(other);
        int n = names.length + other.names.length;
        String[] k = new String[n];
        Value[] v = new Value[n];
        Span[] p = new Span[n];
        int i = 0, j = 0, o = 0;
        while (i < names.length && j < other.names.length) {
            int c = names[i].compareTo(other.names[j]);
            if (c < 0) { k[o] = names[i]; v[o] = values[i]; p[o++] = positions[i++]; }
            else if (c > 0) { k[o] = other.names[j]; v[o] = other.values[j]; p[o++] = other.positions[j++]; }
            else { k[o] = other.names[j]; v[o] = other.values[j]; p[o++] = other.positions[j++]; i++; }
        }
        while (i < names.length) { k[o] = names[i]; v[o] = values[i]; p[o++] = positions[i++]; }
        while (j < other.names.length) { k[o] = other.names[j]; v[o] = other.values[j]; p[o++] = other.positions[j++]; }
        if (o < n) {
            k = Arrays.copyOf(k, o);
            v = Arrays.copyOf(v, o);
            p = Arrays.copyOf(p, o);
        }
        return new NixAttrs(k, v, p);
    }

    /**
     * {@code this // other} when other is much smaller (the usual shape of module merges): binary
     * search for each new name and bulk copies in between; when every name already exists the
     * name array is shared.
     */
    private NixAttrs updateFew(NixAttrs other) {
        int m = other.names.length;
        int[] at = new int[m];
        int added = 0;
        for (int j = 0; j < m; j++) {
            at[j] = Arrays.binarySearch(names, other.names[j]);
            if (at[j] < 0) added++;
        }
        if (added == 0) {
            Value[] v = values.clone();
            Span[] p = positions.clone();
            for (int j = 0; j < m; j++) {
                v[at[j]] = other.values[j];
                p[at[j]] = other.positions[j];
            }
            return new NixAttrs(names, v, p);
        }
        int n = names.length + added;
        String[] k = new String[n];
        Value[] v = new Value[n];
        Span[] p = new Span[n];
        int from = 0;
        int o = 0;
        for (int j = 0; j < m; j++) {
            int pos = at[j] >= 0 ? at[j] : -at[j] - 1;
            int run = pos - from;
            System.arraycopy(names, from, k, o, run);
            System.arraycopy(values, from, v, o, run);
            System.arraycopy(positions, from, p, o, run);
            o += run;
            k[o] = other.names[j];
            v[o] = other.values[j];
            p[o++] = other.positions[j];
            from = at[j] >= 0 ? pos + 1 : pos;
        }
        int run = names.length - from;
        System.arraycopy(names, from, k, o, run);
        System.arraycopy(values, from, v, o, run);
        System.arraycopy(positions, from, p, o, run);
        return new NixAttrs(k, v, p);
    }

    public boolean isDerivation() {
        Value t = get("type");
        if (t == null) return false;
        Value f = t.force();
        return f instanceof NixString s && s.value.equals("derivation");
    }

    @Override public String typeOf() { return "set"; }

    @Override public String showType() { return "a set"; }
}
