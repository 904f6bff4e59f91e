package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StoreDir;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a machine whose root is {@code root} sees: the boot entry systemd-boot would start (as
 * docs/boot.md describes its choice: entries with no tries left last, then by sort-key, then by
 * version newest first; the first whose id matches {@code loader.conf}'s {@code default} glob),
 * and files read as the target reads them, every link resolved under the root.
 */
final class BootedMachine {
    private static final Pattern COUNTED = Pattern.compile("(.*)\\+(\\d+)(?:-(\\d+))?\\.conf");
    private static final Pattern INIT = Pattern.compile("(?:^|\\s)init=(\\S+)/init(?:\\s|$)");

    private final Path root;
    private final StoreLayout layout;

    BootedMachine(Path root) {
        this.root = root;
        this.layout = new StoreLayout(root, StoreDir.DEFAULT);
    }

    /** The contents of {@code logical} as the booted machine reads it. */
    String read(String logical) throws IOException {
        return Files.readString(TargetPaths.resolve(layout, logical));
    }

    /** Whether {@code logical} exists on the booted machine. */
    boolean exists(String logical) throws IOException {
        return Files.exists(TargetPaths.resolve(layout, logical));
    }

    /** The toplevel {@code logical} (a link such as {@code /run/current-system}) leads to, as a logical path. */
    String toplevelOf(String logical) throws IOException {
        return TargetPaths.logicalOf(layout, TargetPaths.resolve(layout, logical));
    }

    /**
     * The directory the default entry's {@code init=} is in (the generation link it names),
     * after checking that the entry's kernel and initrd are on the ESP.
     */
    String bootedSystem() throws IOException {
        Path entries = root.resolve("boot/loader/entries");
        String glob = defaultGlob();
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Entry> all = new ArrayList<>();
        try (Stream<Path> s = Files.list(entries)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".conf")).toList()) all.add(Entry.of(p));
        }
        all.sort(Comparator.comparing((Entry e) -> e.spent).thenComparing(e -> e.sortKey)
                .thenComparing(Comparator.comparingLong((Entry e) -> e.version).reversed()));
        for (Entry e : all) {
            if (!matcher.matches(Path.of(e.id))) continue;
            for (String image : List.of(e.linux, e.initrd)) {
                if (image != null) assertThat(root.resolve("boot/" + image.substring(1))).as(e.id + " needs " + image).isRegularFile();
            }
            Matcher m = INIT.matcher(e.options);
            assertThat(m.find()).as(e.id + " has init=").isTrue();
            return m.group(1);
        }
        throw new AssertionError("no boot entry matches 'default " + glob + "' in " + entries);
    }

    private String defaultGlob() throws IOException {
        for (String line : Files.readAllLines(root.resolve("boot/loader/loader.conf"))) {
            if (line.startsWith("default ")) return line.substring("default ".length()).trim();
        }
        throw new AssertionError("loader.conf names no default");
    }

    /** One BLS entry, with the fields systemd-boot orders and starts by. */
    private record Entry(String id, boolean spent, String sortKey, long version, String linux, String initrd, String options) {
        static Entry of(Path file) throws IOException {
            String name = file.getFileName().toString();
            Matcher c = COUNTED.matcher(name);
            // systemd-boot 252 keeps the counting suffix in the id; the glob "sysbuild-*" matches either way.
            boolean spent = c.matches() && Integer.parseInt(c.group(2)) == 0;
            String sortKey = "";
            long version = 0;
            String linux = null;
            String initrd = null;
            String options = "";
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.split(" ", 2);
                if (kv.length < 2) continue;
                switch (kv[0]) {
                    case "sort-key" -> sortKey = kv[1];
                    case "version" -> version = Long.parseLong(kv[1]);
                    case "linux" -> linux = kv[1];
                    case "initrd" -> initrd = kv[1];
                    case "options" -> options = kv[1];
                    default -> { }
                }
            }
            return new Entry(name, spent, sortKey, version, linux, initrd, options);
        }
    }
}
