package dev.sysbuild.store.debian;

import java.util.List;
import java.util.Map;

/**
 * One binary package of an index.
 *
 * @param fields every field of its stanza, for what the typed accessors don't cover
 */
public record DebPackage(String name, String version, String architecture, String filename, String sha256,
        long size, List<Relation> depends, List<Relation> provides, Map<String, String> fields) {

    /** A parsed {@code Depends} clause alternative or a {@code Provides} entry: name, optional relation. */
    public record Relation(String name, String op, String version) {
        @Override
        public String toString() {
            return op == null ? name : name + " (" + op + " " + version + ")";
        }
    }
}
