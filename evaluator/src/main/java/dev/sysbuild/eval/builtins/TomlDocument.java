package dev.sysbuild.eval.builtins;

import dev.sysbuild.eval.value.AttrsBuilder;
import dev.sysbuild.eval.value.NixList;
import dev.sysbuild.eval.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of a TOML document while it is being read, with TOML 1.0's rules for what may be
 * defined where: a table is defined once, by a {@code [header]} or by dotted keys but not both;
 * inline tables and arrays given as values are closed; {@code [[name]]} appends to an array of
 * tables and later headers under it go into its last element.
 */
final class TomlDocument {
    /** How a table came to exist, which decides how it may still be extended. */
    enum Origin { IMPLICIT, HEADER, DOTTED }

    /** A table that may still grow. Entries are Tables, TableArrays or finished Values. */
    static final class Table {
        private final Map<String, Object> entries = new LinkedHashMap<>();
        private Origin origin;

        Table(Origin origin) {
            this.origin = origin;
        }
    }

    private static final class TableArray {
        private final List<Table> tables = new ArrayList<>();
    }

    private final Table root = new Table(Origin.HEADER);

    Table root() {
        return root;
    }

    /** {@code [a.b.c]}: the table the following key/value pairs go into. */
    Table defineTable(List<String> keys) {
        Table parent = walkHeader(keys);
        String last = keys.get(keys.size() - 1);
        Object existing = parent.entries.get(last);
        if (existing == null) {
            Table t = new Table(Origin.HEADER);
            parent.entries.put(last, t);
            return t;
        }
        if (existing instanceof Table t && t.origin == Origin.IMPLICIT) {
            t.origin = Origin.HEADER;
            return t;
        }
        if (existing instanceof Table t && t.origin == Origin.DOTTED) {
            throw new TomlProblem("table [" + path(keys) + "] was already defined by dotted keys");
        }
        if (existing instanceof Table) throw new TomlProblem("table [" + path(keys) + "] is defined more than once");
        if (existing instanceof TableArray) throw new TomlProblem("[" + path(keys) + "] is already an array of tables");
        throw new TomlProblem("cannot define table [" + path(keys) + "]: the key already has a value");
    }

    /** {@code [[a.b.c]]}: appends a table to the array and returns it. */
    Table appendTable(List<String> keys) {
        Table parent = walkHeader(keys);
        String last = keys.get(keys.size() - 1);
        Object existing = parent.entries.get(last);
        TableArray array;
        if (existing == null) {
            array = new TableArray();
            parent.entries.put(last, array);
        } else if (existing instanceof TableArray a) {
            array = a;
        } else {
            throw new TomlProblem("cannot append to [[" + path(keys) + "]]: the key is already defined as "
                    + (existing instanceof Table ? "a table" : "a value"));
        }
        Table t = new Table(Origin.HEADER);
        array.tables.add(t);
        return t;
    }

    /** The parent of a header's last key, creating missing tables on the way. */
    private Table walkHeader(List<String> keys) {
        Table t = root;
        for (int i = 0; i < keys.size() - 1; i++) {
            Object o = t.entries.get(keys.get(i));
            if (o == null) {
                Table created = new Table(Origin.IMPLICIT);
                t.entries.put(keys.get(i), created);
                t = created;
            } else if (o instanceof Table sub) {
                t = sub;
            } else if (o instanceof TableArray a) {
                t = a.tables.get(a.tables.size() - 1);
            } else {
                throw new TomlProblem("cannot define [" + path(keys) + "]: '" + path(keys.subList(0, i + 1))
                        + "' is already a value (inline tables and arrays cannot be extended)");
            }
        }
        return t;
    }

    /** {@code a.b.c = value} inside {@code table}: the tables for a and b are made by these dotted keys. */
    void assign(Table table, List<String> keys, Value value) {
        Table t = table;
        for (int i = 0; i < keys.size() - 1; i++) {
            Object o = t.entries.get(keys.get(i));
            if (o == null) {
                Table created = new Table(Origin.DOTTED);
                t.entries.put(keys.get(i), created);
                t = created;
            } else if (o instanceof Table sub && sub.origin == Origin.DOTTED) {
                t = sub;
            } else {
                String why = o instanceof Table ? "is a table defined by a [header], which dotted keys cannot extend"
                        : o instanceof TableArray ? "is an array of tables"
                        : "is already a value (inline tables and arrays cannot be extended)";
                throw new TomlProblem("cannot set '" + path(keys) + "': '" + path(keys.subList(0, i + 1)) + "' " + why);
            }
        }
        String last = keys.get(keys.size() - 1);
        if (t.entries.containsKey(last)) throw new TomlProblem("duplicate key '" + path(keys) + "'");
        t.entries.put(last, value);
    }

    /** The finished table as a Nix attribute set. */
    static Value toValue(Table t) {
        AttrsBuilder b = new AttrsBuilder(t.entries.size());
        for (Map.Entry<String, Object> e : t.entries.entrySet()) b.put(e.getKey(), toValue(e.getValue()));
        return b.build();
    }

    private static Value toValue(Object o) {
        if (o instanceof Table t) return toValue(t);
        if (o instanceof TableArray a) {
            Value[] items = new Value[a.tables.size()];
            for (int i = 0; i < items.length; i++) items[i] = toValue(a.tables.get(i));
            return NixList.wrap(items);
        }
        return (Value) o;
    }

    private static String path(List<String> keys) {
        return String.join(".", keys);
    }
}
