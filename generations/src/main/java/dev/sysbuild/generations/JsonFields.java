package dev.sysbuild.generations;

import dev.sysbuild.store.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one JSON object of a toplevel's files, with errors that name the file and the
 * member: a toplevel written by another sysbuild version must fail clearly, not with a
 * ClassCastException.
 */
public record JsonFields(Map<String, Object> object, String where) {
    public static JsonFields of(Object value, String where) {
        if (!(value instanceof Map<?, ?>)) throw bad(where, "an object", value);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) value;
        return new JsonFields(m, where);
    }

    public String string(String name) {
        Object v = object.get(name);
        if (!(v instanceof String s)) throw bad(where + "." + name, "a string", v);
        return s;
    }

    public String stringOrNull(String name) {
        Object v = object.get(name);
        if (v == null) return null;
        if (!(v instanceof String s)) throw bad(where + "." + name, "a string or null", v);
        return s;
    }

    public boolean bool(String name, boolean absent) {
        Object v = object.get(name);
        if (v == null) return absent;
        if (!(v instanceof Boolean b)) throw bad(where + "." + name, "a boolean", v);
        return b;
    }

    public Long longOrNull(String name) {
        Object v = object.get(name);
        if (v == null) return null;
        if (!(v instanceof Long l)) throw bad(where + "." + name, "an integer or null", v);
        return l;
    }

    public List<String> strings(String name) {
        Object v = object.get(name);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw bad(where + "." + name, "an array of strings", v);
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            if (!(o instanceof String s)) throw bad(where + "." + name, "an array of strings", v);
            out.add(s);
        }
        return List.copyOf(out);
    }

    public List<JsonFields> objects(String name) {
        Object v = object.get(name);
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw bad(where + "." + name, "an array of objects", v);
        List<JsonFields> out = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) out.add(of(l.get(i), where + "." + name + "[" + i + "]"));
        return out;
    }

    public JsonFields object(String name) {
        return of(object.get(name), where + "." + name);
    }

    private static GenerationsException bad(String where, String expected, Object v) {
        return new GenerationsException(where + " should be " + expected + ", not " + Json.typeName(v)
                + "; the toplevel was not written by a compatible sysbuild (see docs/toplevel-format.md)");
    }
}
