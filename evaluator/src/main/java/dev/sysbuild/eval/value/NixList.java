package dev.sysbuild.eval.value;

import java.util.ArrayDeque;

/**
 * An immutable list; elements may be unforced.
 *
 * <p>{@code a ++ b} of lists that are not tiny is <em>pending</em>: the two operands and the
 * total size, made into one array only when an element is first read. A fold that keeps
 * appending a few elements to a growing list (the way module definitions of a list option are
 * merged) then copies it once, when it is used, instead of at every step, and the intermediate
 * lists a lazy merge keeps alive are two references each rather than arrays. Evaluation is
 * single-threaded, so flattening in place needs no locking.
 */
public final class NixList extends Value {
    public static final NixList EMPTY = new NixList(new Value[0]);

    /** Below this total, {@code ++} copies at once (cheaper than a pending node and its flattening). */
    private static final int PENDING_MIN = 32;

    /** The elements; null while pending. */
    private Value[] items;
    /** While pending: this list is {@code left ++ right}; null once flat. */
    private NixList left;
    private NixList right;
    private final int size;

    private NixList(Value[] items) {
        this.items = items;
        this.size = items.length;
    }

    private NixList(NixList left, NixList right) {
        this.left = left;
        this.right = right;
        this.size = left.size + right.size;
    }

    /** Takes ownership of {@code items}: the caller must not change the array afterwards. */
    public static NixList wrap(Value[] items) {
        return items.length == 0 ? EMPTY : new NixList(items);
    }

    /** {@code a ++ b}. */
    public static NixList concat(NixList a, NixList b) {
        if (a.size == 0) return b;
        if (b.size == 0) return a;
        if (a.size + b.size >= PENDING_MIN) return new NixList(a, b);
        Value[] out = new Value[a.size + b.size];
        System.arraycopy(a.items(), 0, out, 0, a.size);
        System.arraycopy(b.items(), 0, out, a.size, b.size);
        return new NixList(out);
    }

    public int size() { return size; }

    public Value get(int i) { return items()[i]; }

    /** The backing array; read-only by convention. */
    public Value[] items() {
        Value[] v = items;
        return v != null ? v : flatten();
    }

    /** Copies every flat piece under this pending list into one array, left to right, without recursion. */
    private Value[] flatten() {
        Value[] out = new Value[size];
        int at = 0;
        ArrayDeque<NixList> todo = new ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            NixList l = todo.pop();
            Value[] v = l.items;
            if (v != null) {
                System.arraycopy(v, 0, out, at, v.length);
                at += v.length;
            } else {
                todo.push(l.right);
                todo.push(l.left);
            }
        }
        items = out;
        left = null;
        right = null;
        return out;
    }

    @Override public String typeOf() { return "list"; }

    @Override public String showType() { return "a list"; }
}
