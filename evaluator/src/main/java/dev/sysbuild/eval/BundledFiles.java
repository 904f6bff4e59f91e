package dev.sysbuild.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Nix files shipped inside the jar (the resources under {@code sysbuild/}, e.g. the module
 * system's {@code lib/}), reachable as {@code <sysbuild/...>}.
 *
 * <p>The evaluator reads files by absolute path (error positions, {@code ./relative} paths and
 * {@code unsafeGetAttrPos} all need a real file), so the files are unpacked once into
 * {@code CACHE/bundled-HASH/}, where HASH covers every file's name and content. A directory of
 * that name is therefore complete and never changes: it is written under a temporary name and
 * renamed into place, so concurrent processes either win the rename or find the finished
 * directory, and a crash leaves only a temporary directory behind.
 */
public final class BundledFiles {
    /** The search-path prefix of the bundled files, and their folder among the resources. */
    public static final String PREFIX = "sysbuild";

    /** A file that is always bundled; the rest is found next to it. */
    private static final String ANCHOR = "/" + PREFIX + "/lib/default.nix";

    /** Unpacked directories by cache root, so a process hashes and checks at most once per root. */
    private static final Map<Path, Path> UNPACKED = new ConcurrentHashMap<>();

    private static volatile SortedMap<String, byte[]> contents;

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

    /** The bundled files by path relative to {@code sysbuild/}, read once from the class path. */
    static SortedMap<String, byte[]> contents() {
        SortedMap<String, byte[]> c = contents;
        if (c == null) {
            synchronized (BundledFiles.class) {
                if (contents == null) contents = readResources();
                c = contents;
            }
        }
        return c;
    }

    /** A name for this set of files: a hash of every relative path and its content. */
    static String contentHash(SortedMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                sha.update(Bytes.raw(Bytes.encode(e.getKey())));
                sha.update((byte) 0);
                sha.update(ByteBuffer.allocate(8).putLong(e.getValue().length).array());
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path unpack(Path cacheRoot) {
        SortedMap<String, byte[]> files = contents();
        String name = "bundled-" + contentHash(files);
        Path target = cacheRoot.resolve(name);
        if (Files.isDirectory(target)) return target;
        Path tmp = null;
        try {
            Files.createDirectories(cacheRoot);
            tmp = Files.createTempDirectory(cacheRoot, name + ".tmp-");
            for (Map.Entry<String, byte[]> e : files.entrySet()) write(tmp.resolve(e.getKey()), e.getValue());
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

    private static SortedMap<String, byte[]> readResources() {
        URL anchor = BundledFiles.class.getResource(ANCHOR);
        if (anchor == null) throw new IllegalStateException("the bundled Nix files are missing from the class path: " + ANCHOR);
        try {
            URI uri = anchor.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = openJar(uri)) {
                    return readTree(jar.getPath("/" + PREFIX));
                }
            }
            return readTree(Path.of(uri).getParent().getParent());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the bundled Nix files: " + e, e);
        }
    }

    /** A private view of the jar (closed after reading), or a fresh one if some other code holds the shared one. */
    private static FileSystem openJar(URI uri) throws IOException {
        String s = uri.toString();
        URI jarUri = URI.create(s.substring(0, s.indexOf("!/")));
        try {
            return FileSystems.newFileSystem(jarUri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.newFileSystem(Path.of(URI.create(jarUri.toString().substring("jar:".length()))));
        }
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
