package dev.sysbuild.cli.evalcache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A file or directory tree that evaluation copied into the store ({@code "${./dir}"},
 * {@code builtins.path}, {@code filterSource}), reduced to what its store path depends on: every
 * name, type, executable bit, file content and link target below it (a filter can only drop
 * parts, so any change to the whole tree is a safe reason to evaluate again). The store copy was
 * made during evaluation and this hash after it, so {@link #newestChange} tells whether the tree
 * may have changed in between: then the entry must not be written.
 *
 * @param hash         SHA-256 over the tree, in hex; {@code "none"} when it does not exist
 * @param newestChange the latest modification or status-change time of anything in the tree
 */
record SourceTree(String hash, FileTime newestChange) {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    static SourceTree of(Path root) throws IOException {
        if (!Files.exists(root, NOFOLLOW)) return new SourceTree("none", FileTime.fromMillis(0));
        MessageDigest sha = Digests.sha256();
        FileTime[] newest = {FileTime.fromMillis(0)};
        add(root, sha, newest);
        return new SourceTree(HexFormat.of().formatHex(sha.digest()), newest[0]);
    }

    private static void add(Path p, MessageDigest sha, FileTime[] newest) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, NOFOLLOW);
        later(newest, a.lastModifiedTime());
        later(newest, (FileTime) Files.getAttribute(p, "unix:ctime", NOFOLLOW));
        if (a.isSymbolicLink()) {
            put(sha, "link", Files.readSymbolicLink(p).toString());
        } else if (a.isDirectory()) {
            put(sha, "dir", "");
            List<Path> children;
            try (Stream<Path> s = Files.list(p)) {
                children = s.sorted().toList();
            }
            for (Path c : children) {
                put(sha, "entry", c.getFileName().toString());
                add(c, sha, newest);
            }
            put(sha, "end", "");
        } else if (a.isRegularFile()) {
            put(sha, a.permissions().contains(PosixFilePermission.OWNER_EXECUTE) ? "exe" : "file", "");
            sha.update(Digests.sha256().digest(Files.readAllBytes(p)));
        } else {
            put(sha, "other", "");
        }
    }

    private static void put(MessageDigest sha, String tag, String value) {
        sha.update(tag.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(value.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static void later(FileTime[] newest, FileTime t) {
        if (t.compareTo(newest[0]) > 0) newest[0] = t;
    }
}
