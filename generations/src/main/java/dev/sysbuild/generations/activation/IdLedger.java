package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import dev.sysbuild.store.local.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every uid and gid ever assigned under a root ({@code sysbuild/var/ids.json}), so a user who
 * comes back gets its old id and a removed user's id is never given to someone else (files it
 * owned would change hands). Ids are recorded by number with the name that held them; a name's
 * current id is kept separately. Immutable: {@link #assign} returns the grown ledger, which the
 * users step commits before it writes {@code /etc/passwd}.
 */
record IdLedger(Kind users, Kind groups) {
    static final int FIRST_NORMAL = 1000;
    static final int LAST_SYSTEM = 999;

    /** The ids of one kind (uids or gids): name to its id now, and every id ever given, to its name. */
    record Kind(String what, Map<String, Integer> byName, Map<Integer, String> byId) {
        Kind {
            byName = new TreeMap<>(byName);
            byId = new TreeMap<>(byId);
        }

        /**
         * The id for {@code name}: {@code declared} if given (refused if the ledger gave it to
         * another name), else its old id, else a fresh one in its range. {@code reserved} holds
         * ids declared in the same configuration, which a fresh id must avoid.
         */
        int assign(String name, Integer declared, boolean normal, java.util.Set<Integer> reserved) {
            if (declared != null) {
                String holder = byId.get(declared);
                if (holder != null && !holder.equals(name)) {
                    throw new GenerationsException(what + " '" + name + "' declares id " + declared + ", but the id ledger"
                            + " gave " + declared + " to '" + holder + "' before, and ids are never reused (files may"
                            + " still belong to it); choose another id or leave it unset");
                }
                record(name, declared);
                return declared;
            }
            Integer old = byName.get(name);
            if (old != null && (!reserved.contains(old) || name.equals(byId.get(old)))) return old;
            int id = normal ? FIRST_NORMAL : LAST_SYSTEM;
            while (byId.containsKey(id) || reserved.contains(id)) {
                id += normal ? 1 : -1;
                if (id <= 0) throw new GenerationsException("no free system " + what + " id left below " + FIRST_NORMAL);
            }
            record(name, id);
            return id;
        }

        private void record(String name, int id) {
            byName.put(name, id);
            byId.put(id, name);
        }

        Kind copy() {
            return new Kind(what, byName, byId);
        }
    }

    static IdLedger read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return new IdLedger(new Kind("user", Map.of(), Map.of()), new Kind("group", Map.of(), Map.of()));
        }
        try {
            Map<String, Object> top = Json.parseObject(text);
            return new IdLedger(kind("user", top.get("uids")), kind("group", top.get("gids")));
        } catch (JsonException | ClassCastException | NullPointerException | NumberFormatException e) {
            throw new GenerationsException(file + " (the uid/gid ledger) is damaged: " + e.getMessage()
                    + "; restore it from a backup: without it, ids of removed users could be reused");
        }
    }

    @SuppressWarnings("unchecked")
    private static Kind kind(String what, Object v) {
        Map<String, Object> ids = (Map<String, Object>) v;
        Map<String, Integer> byName = new TreeMap<>();
        Map<Integer, String> byId = new TreeMap<>();
        for (var e : ((Map<String, Object>) ids.get("assigned")).entrySet()) byId.put(Integer.parseInt(e.getKey()), (String) e.getValue());
        for (var e : ((Map<String, Object>) ids.get("current")).entrySet()) byName.put(e.getKey(), ((Long) e.getValue()).intValue());
        return new Kind(what, byName, byId);
    }

    IdLedger copy() {
        return new IdLedger(users.copy(), groups.copy());
    }

    void write(Path file) throws IOException {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("version", 1L);
        top.put("uids", json(users));
        top.put("gids", json(groups));
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, Json.writePretty(top).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> json(Kind k) {
        Map<String, Object> assigned = new LinkedHashMap<>();
        k.byId().forEach((id, name) -> assigned.put(String.valueOf(id), name));
        Map<String, Object> current = new LinkedHashMap<>();
        k.byName().forEach((name, id) -> current.put(name, (long) id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assigned", assigned);
        m.put("current", current);
        return m;
    }
}
