package dev.sysbuild.store.build;

import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bubblewrap command line that runs a builder in its own mount, PID, IPC, UTS and network
 * namespaces. Inside, the root is an empty tmpfs holding only:
 *
 * <ul>
 *   <li>the logical store directory, bound from a fresh per-build directory (the <em>chroot
 *       store</em>) where the builder creates its outputs at their logical paths, with each path
 *       of the input closure bound read-only at its logical path on top; so logical paths work
 *       under any root R, and nothing outside the closure is visible;
 *   <li>the build directory at {@code /build} (read-write, the working directory);
 *   <li>the sandbox paths (by default {@code /bin /lib /lib64 /usr}, read-only);
 *   <li>a minimal {@code /dev} and a fresh {@code /proc}.
 * </ul>
 *
 * A fixed-output derivation keeps the network (its result is checked against its hash), as in
 * Nix; every other build has none.
 */
final class Sandbox {
    /** Where the build directory appears inside the sandbox, as Nix's sandbox-build-dir. */
    static final String BUILD_DIR = "/build";

    private Sandbox() {}

    /** The bwrap arguments up to and including {@code --}; the builder and its arguments follow. */
    static List<String> command(Path bwrap, BuildRequest req, StoreLayout layout, Path buildDir, Path chrootStore,
            Path etc, List<String> sandboxPaths) {
        List<String> c = new ArrayList<>();
        c.add(bwrap.toString());
        c.add("--unshare-all");
        if (req.fixedOutput().isPresent()) c.add("--share-net");
        c.add("--die-with-parent");
        c.add("--new-session");
        c.add("--hostname");
        c.add("localhost");
        c.add("--dev");
        c.add("/dev");
        c.add("--proc");
        c.add("/proc");
        // Nix's sandbox has a writable /tmp (builders that ignore $TMPDIR) and a minimal /etc.
        c.add("--tmpfs");
        c.add("/tmp");
        c.add("--ro-bind");
        c.add(etc.toString());
        c.add("/etc");
        for (String spec : sandboxPaths) {
            int eq = spec.indexOf('=');
            String inside = eq < 0 ? spec : spec.substring(0, eq);
            String outside = eq < 0 ? spec : spec.substring(eq + 1);
            c.add("--ro-bind-try");
            c.add(outside);
            c.add(inside);
        }
        String store = layout.storeDir().path();
        c.add("--bind");
        c.add(chrootStore.toString());
        c.add(store);
        for (StorePath p : req.inputClosure()) {
            Path physical = layout.physical(p);
            if (Files.isSymbolicLink(physical)) {
                // A bind follows its source; a link holding a logical path may not resolve on the host.
                c.add("--symlink");
                c.add(readLink(physical));
            } else {
                c.add("--ro-bind");
                c.add(physical.toString());
            }
            c.add(layout.storeDir().print(p));
        }
        c.add("--bind");
        c.add(buildDir.toString());
        c.add(BUILD_DIR);
        c.add("--chdir");
        c.add(BUILD_DIR);
        c.add("--");
        return c;
    }

    /**
     * A directory with the {@code /etc} a sandboxed builder sees, as Nix writes it: {@code passwd}
     * and {@code group} with the build user (the builder runs as uid 0 inside, mapped to the
     * invoking user) and {@code nobody}, and {@code hosts} for localhost. The caller deletes it.
     */
    static Path writeEtc(Path tmpDir) throws IOException {
        // (Not Files.createTempDirectory, whose SecureRandom costs 10-25 ms to seed; see ProcessRunner.)
        Path etc = Files.createDirectory(tmpDir.resolve("sysbuild-sandbox-etc-" + dev.sysbuild.store.local.AtomicFile.randomSuffix()),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:Nix build user:/build:/noshell\n"
                + "nixbld:x:1000:100:Nix build user:/build:/noshell\n"
                + "nobody:x:65534:65534:Nobody:/:/noshell\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnixbld:!:100:\nnogroup:x:65534:\n");
        Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        return etc;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
