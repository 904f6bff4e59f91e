package dev.sysbuild.generations;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds a toplevel as the OS modules would (docs/toplevel-format.md) and registers it, with
 * its /etc sources, in a real store under the test's root. Tests change one thing at a time
 * and build again.
 */
public final class FakeToplevel {
    private final LocalStore store;
    private final String host;
    private final Map<String, Object[]> etc = new TreeMap<>();
    private final Map<String, Map<String, Object>> users = new TreeMap<>();
    private final Map<String, Map<String, Object>> groups = new TreeMap<>();
    private final Map<String, Map<String, Object>> units = new TreeMap<>();
    private final List<String> packages = new ArrayList<>();
    private String kernelVersion;
    private String label = "25.11-test";
    private final Map<String, String> sw = new TreeMap<>();

    public FakeToplevel(LocalStore store, String host) {
        this.store = store;
        this.host = host;
        group("root", 0L);
        group("users", 100L);
        group("wheel", 1L);
        user("root", 0L, false, "root", "/root", false);
    }

    /** {@code /etc/target} as a link through /etc/static to a store file with {@code text}. */
    public FakeToplevel etc(String target, String text) {
        etc.put(target, new Object[] {text, "symlink", "root", "root"});
        return this;
    }

    /** {@code /etc/target} copied with {@code mode} and owner. */
    public FakeToplevel etcCopy(String target, String text, String mode, String user, String group) {
        etc.put(target, new Object[] {text, mode, user, group});
        return this;
    }

    public FakeToplevel withoutEtc(String target) {
        etc.remove(target);
        return this;
    }

    public FakeToplevel user(String name, Long uid, boolean normal, String group, String home, boolean createHome) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("name", name);
        u.put("uid", uid);
        u.put("isNormalUser", normal);
        u.put("isSystemUser", !normal && uid == null);
        u.put("group", group);
        u.put("extraGroups", normal ? List.of("wheel") : List.of());
        u.put("description", name);
        u.put("home", home);
        u.put("createHome", createHome);
        u.put("shell", "/bin/sh");
        u.put("hashedPasswordRef", null);
        u.put("hashedPasswordFile", null);
        u.put("authorizedKeys", List.of());
        users.put(name, u);
        return this;
    }

    /** Sets a field of user {@code name} (e.g. hashedPasswordRef). */
    public FakeToplevel userField(String name, String field, Object value) {
        users.get(name).put(field, value);
        return this;
    }

    public FakeToplevel withoutUser(String name) {
        users.remove(name);
        return this;
    }

    public FakeToplevel group(String name, Long gid) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", name);
        g.put("gid", gid);
        g.put("members", List.of());
        groups.put(name, g);
        return this;
    }

    /** A unit file (as an /etc entry) and its units.json flags. */
    public FakeToplevel unit(String name, String text, boolean restartIfChanged, boolean reloadIfChanged,
            boolean stopIfChanged) {
        etc("systemd/system/" + name, text);
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("restartIfChanged", restartIfChanged);
        u.put("reloadIfChanged", reloadIfChanged);
        u.put("stopIfChanged", stopIfChanged);
        u.put("wantedBy", List.of("multi-user.target"));
        u.put("restartTriggers", List.of());
        units.put(name, u);
        return this;
    }

    public FakeToplevel withoutUnit(String name) {
        units.remove(name);
        etc.remove("systemd/system/" + name);
        return this;
    }

    /** A package store path (an empty directory named {@code <hash>-name}) in packages.json. */
    public FakeToplevel pkg(String name) throws IOException {
        Path tmp = Files.createTempDirectory(store.layout().root(), "pkg");
        Files.writeString(tmp.resolve("marker"), name);
        packages.add(store.storeDir().print(store.addToStore(tmp, name)));
        deleteTree(tmp);
        return this;
    }

    /** A file in the generation's {@code sw} (e.g. {@code usr/bin/hello}), as Debian packages leave there. */
    public FakeToplevel swFile(String path, String text) {
        sw.put(path, text);
        return this;
    }

    /** A package in packages.json that the .deb unpacker made: its nix-support/deb.json lists {@code scripts}. */
    public FakeToplevel debPackage(String name, String version, String... scripts) throws IOException {
        Path tmp = Files.createTempDirectory(store.layout().root(), "deb");
        Files.createDirectories(tmp.resolve("nix-support"));
        Files.writeString(tmp.resolve("nix-support/deb.json"), Json.writePretty(Map.of("package", name, "version", version,
                "maintainerScripts", List.of(scripts))));
        packages.add(store.storeDir().print(store.addToStore(tmp, name + "-" + version)));
        deleteTree(tmp);
        return this;
    }

    public FakeToplevel kernel(String version) {
        kernelVersion = version;
        return this;
    }

    public FakeToplevel label(String l) {
        label = l;
        return this;
    }

    public StorePath build() throws IOException {
        Path tree = Files.createTempDirectory(store.layout().root(), "toplevel");
        List<StorePath> refs = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        for (var e : etc.entrySet()) {
            Object[] v = e.getValue();
            String base = e.getKey().replace('/', '-');
            StorePath src = store.addTextToStore("etc-" + base, ((String) v[0]).getBytes(StandardCharsets.UTF_8), List.of());
            refs.add(src);
            String logical = store.storeDir().print(src);
            Path link = tree.resolve("etc").resolve(e.getKey());
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(logical));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", e.getKey());
            m.put("source", logical);
            m.put("mode", v[1]);
            m.put("user", v[2]);
            m.put("group", v[3]);
            entries.add(m);
        }
        Files.createDirectories(tree.resolve("etc"));
        write(tree, "etc.json", Map.of("version", 1L, "entries", entries));
        write(tree, "users.json", Map.of("version", 1L, "users", new ArrayList<>(users.values()),
                "groups", new ArrayList<>(groups.values())));
        write(tree, "units.json", Map.of("version", 1L, "units", new LinkedHashMap<>(units)));
        for (String p : packages) refs.add(store.storeDir().parse(p));
        write(tree, "packages.json", packages);
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("version", 1L);
        boot.put("label", label);
        String kernelPath = null;
        String initrdPath = null;
        if (kernelVersion != null) {
            StorePath k = store.addTextToStore("vmlinuz-" + kernelVersion, ("kernel " + kernelVersion).getBytes(StandardCharsets.UTF_8), List.of());
            StorePath i = store.addTextToStore("initrd-" + kernelVersion, ("initrd " + kernelVersion).getBytes(StandardCharsets.UTF_8), List.of());
            refs.add(k);
            refs.add(i);
            Files.createSymbolicLink(tree.resolve("kernel"), Path.of(store.storeDir().print(k)));
            Files.createSymbolicLink(tree.resolve("initrd"), Path.of(store.storeDir().print(i)));
            kernelPath = store.storeDir().print(k);
            initrdPath = store.storeDir().print(i);
        }
        boot.put("kernel", kernelPath);
        boot.put("initrd", initrdPath);
        boot.put("kernelVersion", kernelVersion);
        boot.put("kernelParams", List.of());
        boot.put("init", "/sysbuild/store/none/init");
        boot.put("loader", Map.of("type", "systemd-boot", "timeout", 5L));
        write(tree, "boot.json", boot);
        Files.writeString(tree.resolve("system"), "x86_64-linux");
        if (!sw.isEmpty()) {
            Path swTree = Files.createTempDirectory(store.layout().root(), "sw");
            for (var f : sw.entrySet()) {
                Files.createDirectories(swTree.resolve(f.getKey()).getParent());
                Files.writeString(swTree.resolve(f.getKey()), f.getValue());
            }
            StorePath swPath = store.addToStore(swTree, "system-path");
            deleteTree(swTree);
            refs.add(swPath);
            Files.createSymbolicLink(tree.resolve("sw"), Path.of(store.storeDir().print(swPath)));
        }
        StorePath p = store.addToStore(tree, "sysbuild-system-" + host, refs);
        deleteTree(tree);
        return p;
    }

    private static void write(Path dir, String name, Object value) throws IOException {
        Files.writeString(dir.resolve(name), Json.writePretty(value));
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(q);
        }
    }
}
