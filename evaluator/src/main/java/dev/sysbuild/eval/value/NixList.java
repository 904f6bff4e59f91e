package dev.sysbuild.eval.value;

/** An immutable list; elements may be unforced. */
public final class NixList extends Value {
    public static final NixList EMPTY = new NixList(new Value[0]);

    private final Value[] items;

    private NixList(Value[] items) {
        this.items = items;
    }

    /** Takes ownership of {@code items}: the caller must not change the array afterwards. */
    public static NixList wrap(Value[] items) {
        return items.length == 0 ? EMPTY : new NixList(items);
    }

    public int size() { return items.length; }

    public Value get(int i) { return items[i]; }

    /** The backing array; read-only by convention. */
    public Value[] items() { return items; }

    @Override public String typeOf() { return "list"; }

    @Override public String showType() { return "a list"; }
}
