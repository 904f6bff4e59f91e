package dev.sysbuild.cli.evalcache;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Which exact sysbuild code runs: the evaluator and the bundled OS modules are inside it, so a
 * rebuilt jar must not reuse what an older one evaluated, even under the same version string.
 * Each class-path entry counts by path, size and modification time (a directory of classes by
 * its newest file), which is cheap to check on every run, unlike hashing the jar.
 */
final class CodeFingerprint {
    private static volatile String current;

    private CodeFingerprint() {}

    static String current() {
        String c = current;
        if (c == null) current = c = compute(System.getProperty("java.class.path", ""));
        return c;
    }

    static String compute(String classPath) {
        StringBuilder b = new StringBuilder();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isEmpty()) continue;
            Path p = Path.of(entry).toAbsolutePath();
            b.append(p).append('\0');
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                if (a.isDirectory()) {
                    b.append("dir ").append(newest(p));
                } else {
                    b.append(a.size()).append(' ').append(a.lastModifiedTime().toMillis());
                }
            } catch (IOException e) {
                b.append("missing");
            }
            b.append('\0');
        }
        return Digests.sha256(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** The newest modification time and the number of files below a directory of classes. */
    private static String newest(Path dir) throws IOException {
        long[] acc = {0, 0};
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(p -> {
                try {
                    acc[0] = Math.max(acc[0], Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis());
                    acc[1]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return acc[0] + " " + acc[1];
    }
}
