package dev.sysbuild.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.stream.Stream;

/**
 * The Nix files shipped inside the jar (the resources under {@code sysbuild/}, e.g. the module
 * system's {@code lib/}), reachable as {@code <sysbuild/...>}.
 *
 * <p>The evaluator reads files by absolute path (error positions, {@code ./relative} paths and
 * {@code unsafeGetAttrPos} all need a real file), so the files are unpacked once into
 * {@code CACHE/bundled-HASH/}, where HASH covers every file's name, size and CRC-32 (in a jar,
 * as its central directory records them, so finding the directory reads no file's content: it is
 * on the path of every evaluation of a system, and reading and hashing the files there cost
 * ~60 ms). A directory of that name is therefore complete and never changes: it is written under
 * a temporary name and renamed into place, so concurrent processes either win the rename or find
 * the finished directory, and a crash leaves only a temporary directory behind.
 */
public final class BundledFiles {
    /** The search-path prefix of the bundled files, and their folder among the resources. */
    public static final String PREFIX = "sysbuild";

    /** A file that is always bundled; the rest is found next to it. */
    private static final String ANCHOR = "/" + PREFIX + "/lib/default.nix";

    /** Unpacked directories by cache root, so a process hashes and checks at most once per root. */
    private static final Map<Path, Path> UNPACKED = new ConcurrentHashMap<>();

    private static volatile SortedMap<String, Entry> listing;

    private BundledFiles() {}

    /**
     * Where unpacked copies live: {@code $XDG_CACHE_HOME/sysbuild}, else
     * {@code $HOME/.cache/sysbuild}, else a per-user folder under the system's temporary directory.
     */
    public static Path cacheRoot(EvalIO io) {
        String xdg = io.getEnv("XDG_CACHE_HOME");
        if (xdg.startsWith("/")) return Path.of(Bytes.decode(xdg), PREFIX);
        String home = io.getEnv("HOME");
        if (home.startsWith("/")) return Path.of(Bytes.decode(home), ".cache", PREFIX);
        return Path.of(System.getProperty("java.io.tmpdir"), PREFIX + "-" + System.getProperty("user.name", "user"));
    }

    /** The directory holding the bundled files under {@code cacheRoot}, unpacking them first if needed. */
    public static Path directory(Path cacheRoot) {
        return UNPACKED.computeIfAbsent(cacheRoot.toAbsolutePath(), BundledFiles::unpack);
    }

    /** Whether a source (by its name, a path) is one of the bundled files unpacked by this process. */
    public static boolean isBundled(String sourceName) {
        for (Path dir : UNPACKED.values()) {
            if (sourceName.startsWith(Bytes.encode(dir.toString()) + "/")) return true;
        }
        return false;
    }

    /** Each bundled file's path relative to {@code sysbuild/}, with its size and CRC-32, read once. */
    static SortedMap<String, Entry> listing() {
        SortedMap<String, Entry> l = listing;
        if (l == null) {
            synchronized (BundledFiles.class) {
                if (listing == null) listing = readListing();
                l = listing;
            }
        }
        return l;
    }

    /** A bundled file's size and CRC-32. */
    record Entry(long size, long crc) {}

    /** A name for this set of files: a hash of every relative path with its size and CRC-32. */
    static String listingHash(SortedMap<String, Entry> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer numbers = ByteBuffer.allocate(16);
            for (Map.Entry<String, Entry> e : files.entrySet()) {
                sha.update(Bytes.raw(Bytes.encode(e.getKey())));
                sha.update((byte) 0);
                numbers.clear();
                sha.update(numbers.putLong(e.getValue().size()).putLong(e.getValue().crc()).array());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path unpack(Path cacheRoot) {
        String name = "bundled-" + listingHash(listing());
        Path target = cacheRoot.resolve(name);
        if (Files.isDirectory(target)) return target;
        Path tmp = null;
        try {
            Files.createDirectories(cacheRoot);
            tmp = Files.createTempDirectory(cacheRoot, name + ".tmp-");
            for (Map.Entry<String, byte[]> e : readContents().entrySet()) write(tmp.resolve(e.getKey()), e.getValue());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (IOException lost) {
                // Another process renamed its copy first; that copy is just as good.
                if (!Files.isDirectory(target)) throw lost;
            }
            return target;
        } catch (IOException e) {
            throw EvalException.error("cannot unpack sysbuild's bundled Nix files into '" + Bytes.encode(target.toString())
                    + "': " + e + "; set XDG_CACHE_HOME to a writable folder", null);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    /** Writes a file and forces it to disk, so the rename never publishes a half-written copy. */
    private static void write(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException ignored) {
            // Only a leftover temporary directory; the next unpack uses a fresh one.
        }
    }

    /** The jar holding the bundled files, or null when they are plain files (tests, an IDE). */
    private static Path jar() {
        URL anchor = BundledFiles.class.getResource(ANCHOR);
        if (anchor == null) throw new IllegalStateException("the bundled Nix files are missing from the class path: " + ANCHOR);
        try {
            URI uri = anchor.toURI();
            if (!uri.getScheme().equals("jar")) return null;
            String s = uri.getRawSchemeSpecificPart();
            return Path.of(URI.create(s.substring(0, s.indexOf("!/"))));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the bundled Nix files: " + e, e);
        }
    }

    /** The folder holding the bundled files when they are not in a jar. */
    private static Path folder() {
        try {
            return Path.of(BundledFiles.class.getResource(ANCHOR).toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the bundled Nix files: " + e, e);
        }
    }

    private static SortedMap<String, Entry> readListing() {
        Path jar = jar();
        try {
            if (jar != null) return listingOfJar(jar);
            SortedMap<String, Entry> out = new TreeMap<>();
            for (Map.Entry<String, byte[]> e : readTree(folder()).entrySet()) {
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                out.put(e.getKey(), new Entry(e.getValue().length, crc.getValue()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled Nix files: " + e, e);
        }
    }

    /** The bundled files in {@code jar}, from its central directory (which has each entry's size and CRC-32): nothing is inflated. */
    static SortedMap<String, Entry> listingOfJar(Path jar) throws IOException {
        SortedMap<String, Entry> out = new TreeMap<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry entry : bundledEntries(j)) out.put(relative(entry), new Entry(entry.getSize(), entry.getCrc()));
        }
        return out;
    }

    /** Every bundled file's content, by path relative to {@code sysbuild/} (read only to unpack them). */
    private static SortedMap<String, byte[]> readContents() {
        Path jar = jar();
        try {
            return jar == null ? readTree(folder()) : contentsOfJar(jar);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled Nix files: " + e, e);
        }
    }

    static SortedMap<String, byte[]> contentsOfJar(Path jar) throws IOException {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (JarEntry entry : bundledEntries(j)) {
                try (InputStream in = j.getInputStream(entry)) {
                    out.put(relative(entry), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** The jar's files under {@code sysbuild/}. */
    private static java.util.List<JarEntry> bundledEntries(JarFile jar) {
        java.util.List<JarEntry> out = new java.util.ArrayList<>();
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            JarEntry entry = e.nextElement();
            if (!entry.isDirectory() && entry.getName().startsWith(PREFIX + "/")) out.add(entry);
        }
        return out;
    }

    private static String relative(JarEntry entry) {
        return entry.getName().substring(PREFIX.length() + 1);
    }

    private static SortedMap<String, byte[]> readTree(Path root) throws IOException {
        SortedMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    out.put(root.relativize(p).toString(), in.readAllBytes());
                }
            }
        }
        return out;
    }
}
