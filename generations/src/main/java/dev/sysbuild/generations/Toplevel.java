package dev.sysbuild.generations;

import dev.sysbuild.generations.boot.BootSpec;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generation's toplevel store path, read through its files (docs/toplevel-format.md). Each
 * file is parsed on first use and kept; a missing or malformed file is an error naming it.
 */
public final class Toplevel {
    private final StoreLayout store;
    private final StorePath path;
    private List<EtcEntry> etc;
    private List<UserSpec> users;
    private List<GroupSpec> groups;
    private Map<String, UnitSpec> units;
    private BootSpec boot;
    private List<String> packages;

    public Toplevel(StoreLayout store, StorePath path) {
        this.store = store;
        this.path = path;
    }

    public StorePath path() {
        return path;
    }

    /** The logical path, as links hold it. */
    public String logical() {
        return store.storeDir().print(path);
    }

    /** Where it is under the root. */
    public Path physical() {
        return store.physical(path);
    }

    public StoreLayout store() {
        return store;
    }

    public List<EtcEntry> etcEntries() throws IOException {
        if (etc == null) {
            List<EtcEntry> out = new ArrayList<>();
            for (JsonFields e : read("etc.json").objects("entries")) {
                out.add(new EtcEntry(e.string("target"), e.string("source"), e.string("mode"),
                        orRoot(e.stringOrNull("user")), orRoot(e.stringOrNull("group"))));
            }
            etc = List.copyOf(out);
        }
        return etc;
    }

    public List<UserSpec> users() throws IOException {
        if (users == null) readUsers();
        return users;
    }

    public List<GroupSpec> groups() throws IOException {
        if (groups == null) readUsers();
        return groups;
    }

    /** The units of {@code units.json} by name, sorted. */
    public Map<String, UnitSpec> units() throws IOException {
        if (units == null) {
            JsonFields f = read("units.json");
            Map<String, UnitSpec> out = new java.util.TreeMap<>();
            if (f.object().get("units") != null) {
                JsonFields all = f.object("units");
                for (String name : all.object().keySet()) out.put(name, UnitSpec.from(name, all.object(name)));
            }
            units = java.util.Collections.unmodifiableMap(out);
        }
        return units;
    }

    /** {@code boot.json}, parsed by the boot-entries code that also writes the entries from it. */
    public BootSpec boot() throws IOException {
        if (boot == null) {
            if (!Files.exists(file("boot.json"))) parse("boot.json"); // the missing-file error, worded as for the others
            try {
                boot = BootSpec.read(file("boot.json"));
            } catch (IOException e) {
                throw new GenerationsException(e.getMessage(), e);
            }
        }
        return boot;
    }

    /** The logical store paths of the system packages. */
    public List<String> packages() throws IOException {
        if (packages == null) {
            Object v = parse("packages.json");
            if (!(v instanceof List<?> l) || !l.stream().allMatch(o -> o instanceof String)) {
                throw new GenerationsException(file("packages.json") + " should be an array of store paths");
            }
            packages = l.stream().map(String.class::cast).toList();
        }
        return packages;
    }

    /** The file {@code name} of the toplevel, under the root. */
    public Path file(String name) {
        return physical().resolve(name);
    }

    private void readUsers() throws IOException {
        JsonFields f = read("users.json");
        users = f.objects("users").stream().map(UserSpec::from).toList();
        groups = f.objects("groups").stream().map(GroupSpec::from).toList();
        Map<String, UserSpec> byName = new LinkedHashMap<>();
        for (UserSpec u : users) {
            if (byName.put(u.name(), u) != null) throw new GenerationsException(file("users.json") + " declares user '" + u.name() + "' twice");
        }
    }

    private JsonFields read(String name) throws IOException {
        return JsonFields.of(parse(name), name);
    }

    private Object parse(String name) throws IOException {
        Path f = file(name);
        try {
            return Json.parse(Files.readString(f));
        } catch (NoSuchFileException e) {
            throw new GenerationsException(logical() + " has no " + name + "; it is not a sysbuild system toplevel"
                    + " (see docs/toplevel-format.md)");
        } catch (JsonException e) {
            throw new GenerationsException(f + " is not valid JSON: " + e.getMessage());
        }
    }

    private static String orRoot(String s) {
        return s == null ? "root" : s;
    }
}
