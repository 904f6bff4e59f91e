package dev.sysbuild.cli;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Toplevels for CLI tests, written as docs/toplevel-format.md says and registered in a real
 * store under the test root (a smaller copy of the generations module's test builder, which
 * the cli module cannot see). Each has /etc/motd, users root and alice, and a kernel.
 */
final class TestSystems {
    private final LocalStore store;
    private final Path root;

    TestSystems(Path root) throws IOException {
        this.root = root;
        this.store = LocalStore.open(root, StoreDir.DEFAULT);
    }

    LocalStore store() {
        return store;
    }

    /** A toplevel whose /etc/motd says {@code motd}, with the given extra users and packages (name-version). */
    StorePath build(String motd, List<String> extraUsers, List<String> packages) throws IOException {
        Path tree = Files.createTempDirectory(root, "toplevel");
        List<StorePath> refs = new ArrayList<>();
        StorePath src = store.addTextToStore("etc-motd", motd.getBytes(StandardCharsets.UTF_8), List.of());
        refs.add(src);
        Files.createDirectories(tree.resolve("etc"));
        Files.createSymbolicLink(tree.resolve("etc/motd"), Path.of(StoreDir.DEFAULT.print(src)));
        write(tree, "etc.json", Map.of("version", 1L, "entries", List.of(Map.of("target", "motd",
                "source", StoreDir.DEFAULT.print(src), "mode", "symlink", "user", "root", "group", "root"))));
        List<Object> users = new ArrayList<>();
        users.add(user("root", 0L, false, "root", "/root"));
        users.add(user("alice", null, true, "users", "/home/alice"));
        for (String u : extraUsers) users.add(user(u, null, true, "users", "/home/" + u));
        write(tree, "users.json", Map.of("version", 1L, "users", users, "groups",
                List.of(group("root", 0L), group("users", 100L), group("wheel", 1L))));
        write(tree, "units.json", Map.of("version", 1L, "units", Map.of()));
        List<String> pkgs = new ArrayList<>();
        for (String p : packages) {
            StorePath sp = store.addTextToStore(p, p.getBytes(StandardCharsets.UTF_8), List.of());
            refs.add(sp);
            pkgs.add(StoreDir.DEFAULT.print(sp));
        }
        write(tree, "packages.json", pkgs);
        StorePath kernel = store.addTextToStore("vmlinuz-6.1.0", "k".getBytes(StandardCharsets.UTF_8), List.of());
        refs.add(kernel);
        Files.createSymbolicLink(tree.resolve("kernel"), Path.of(StoreDir.DEFAULT.print(kernel)));
        Map<String, Object> boot = new LinkedHashMap<>();
        boot.put("version", 1L);
        boot.put("label", "test");
        boot.put("kernel", StoreDir.DEFAULT.print(kernel));
        boot.put("initrd", null);
        boot.put("kernelVersion", "6.1.0");
        boot.put("kernelParams", List.of());
        boot.put("init", "/sysbuild/store/x/init");
        boot.put("loader", Map.of("type", "systemd-boot"));
        write(tree, "boot.json", boot);
        StorePath top = store.addToStore(tree, "sysbuild-system-test", refs);
        try (var s = Files.walk(tree)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        return top;
    }

    private static Map<String, Object> user(String name, Long uid, boolean normal, String group, String home) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("name", name);
        u.put("uid", uid);
        u.put("isNormalUser", normal);
        u.put("isSystemUser", false);
        u.put("group", group);
        u.put("extraGroups", List.of());
        u.put("description", "");
        u.put("home", home);
        u.put("createHome", normal);
        u.put("shell", "/bin/sh");
        return u;
    }

    private static Map<String, Object> group(String name, Long gid) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("name", name);
        g.put("gid", gid);
        g.put("members", List.of());
        return g;
    }

    private static void write(Path dir, String name, Object value) throws IOException {
        Files.writeString(dir.resolve(name), Json.writePretty(value));
    }
}
