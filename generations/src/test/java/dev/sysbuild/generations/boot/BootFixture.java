package dev.sysbuild.generations.boot;

import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A temporary root with kernels and initrds in its store, and generations that boot them. Store
 * files are made up: the writer only copies and hashes them. Creation times are fixed (generation
 * N was made at 08:00 UTC on 2026-11-26 plus N hours), the zone is UTC, and free space is
 * whatever the test says.
 */
final class BootFixture {
    static final Instant BASE = Instant.parse("2026-11-26T08:00:00Z");

    final Path root;
    final StoreLayout layout;
    FreeSpace freeSpace = dir -> Long.MAX_VALUE / 4;
    int tries = BootSettings.DEFAULT_TRIES;

    BootFixture(Path root) {
        this.root = root;
        this.layout = new StoreLayout(root, StoreDir.DEFAULT);
    }

    BootSettings settings() {
        return new BootSettings(tries, ZoneOffset.UTC, dir -> freeSpace.usableBytes(dir));
    }

    BootEntries entries() {
        return new BootEntries(layout, settings());
    }

    /** Puts a file in the store and gives its logical path. */
    String storeFile(String baseName, String file, String contents) throws IOException {
        Path p = layout.physical("/sysbuild/store/" + baseName + "/" + file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, contents);
        return "/sysbuild/store/" + baseName + "/" + file;
    }

    /** A kernel file whose contents are {@code contents}, in a store path named after it. */
    String kernel(String contents) throws IOException {
        return storeFile(fakeHash(contents) + "-linux", "bzImage", contents);
    }

    String initrd(String contents) throws IOException {
        return storeFile(fakeHash(contents) + "-initrd", "initrd", contents);
    }

    static BootSpec.Loader systemdBoot(Integer timeout, Integer limit) {
        return new BootSpec.Loader(BootSpec.SYSTEMD_BOOT, timeout, limit);
    }

    static BootSpec.Loader grub(Integer timeout, Integer limit) {
        return new BootSpec.Loader(BootSpec.GRUB, timeout, limit);
    }

    static BootGeneration gen(int n, String kernel, String initrd, BootSpec.Loader loader, String... params) {
        BootSpec spec = new BootSpec("25.11-sysbuild", kernel, initrd, kernel == null ? null : "6.1.0", List.of(params),
                "/sysbuild/store/00000000000000000000000000000000-sysbuild-system-host/init", loader);
        return new BootGeneration(n, BASE.plusSeconds(3600L * n), spec);
    }

    BootResult write(List<BootGeneration> gens, int def) throws IOException {
        return entries().write(gens, def, OptionalInt.empty());
    }

    BootResult write(List<BootGeneration> gens, int def, int current) throws IOException {
        return entries().write(gens, def, OptionalInt.of(current));
    }

    Path boot(String relative) {
        return root.resolve("boot").resolve(relative);
    }

    String read(String bootRelative) throws IOException {
        return Files.readString(boot(bootRelative));
    }

    /** File names in a directory under R/boot, sorted; empty when it does not exist. */
    List<String> list(String bootRelative) throws IOException {
        Path d = boot(bootRelative);
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every file and directory under R/boot with its bytes: to show that nothing changed. */
    Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path b = root.resolve("boot");
        if (!Files.exists(b)) return out;
        try (Stream<Path> s = Files.walk(b)) {
            for (Path p : s.toList()) {
                String key = b.relativize(p).toString();
                out.put(key, Files.isDirectory(p) ? "<dir>" : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    /** Bytes of all files under R/boot: what a partition of fixed size has used. */
    long bootBytes() throws IOException {
        Path b = root.resolve("boot");
        if (!Files.exists(b)) return 0;
        long sum = 0;
        try (Stream<Path> s = Files.walk(b)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) sum += Files.size(p);
        }
        return sum;
    }

    /** A boot partition of {@code capacity} bytes: free space is what the files there leave. */
    void partitionOf(long capacity) {
        freeSpace = dir -> capacity - bootBytes();
    }

    static List<BootGeneration> list(BootGeneration... gens) {
        return new ArrayList<>(List.of(gens));
    }

    private static String fakeHash(String contents) {
        String h = Integer.toHexString(contents.hashCode()).replace('e', 'x');
        return (h + "00000000000000000000000000000000").substring(0, 32);
    }
}
