package dev.sysbuild.store.nar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;

/** The fixture tree of shared/notes/nix-formats.md and the golden NAR Nix 2.8 made of it. */
public final class Fixtures {
    private Fixtures() {}

    /** {@code tree/}: file {@code a} = {@code x} (0644), file {@code b} = {@code y} (0755), symlink {@code c -> a}. */
    public static Path tree(Path parent) throws IOException {
        Path tree = Files.createDirectory(parent.resolve("tree"));
        file(tree.resolve("a"), "x", "rw-r--r--");
        file(tree.resolve("b"), "y", "rwxr-xr-x");
        Files.createSymbolicLink(tree.resolve("c"), Path.of("a"));
        return tree;
    }

    /** A regular file with the given contents and mode. */
    public static Path file(Path path, String contents, String mode) throws IOException {
        Files.writeString(path, contents, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return path;
    }

    /** The 704 bytes of {@code nix-store --dump tree} (Nix 2.8.0, notes section 4). */
    public static byte[] treeNar() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/nix-2.8/nar/tree.nar.hex")) {
            StringBuilder hex = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) continue;
                for (String word : line.substring(0, line.indexOf('\'')).trim().split(" +")) hex.append(word);
            }
            return HexFormat.of().parseHex(hex);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The NAR of {@code path}, in memory (tests only; real callers stream). */
    public static byte[] nar(Path path) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NarWriter.dump(path, out);
        return out.toByteArray();
    }
}
