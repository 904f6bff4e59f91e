package dev.sysbuild.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The file trees the golden store paths in {@code nix-formats.md} were measured on with Nix 2.8,
 * made afresh in a test's temporary directory.
 */
public final class NixFixtures {
    private NixFixtures() {}

    /** {@code tree/}: file {@code a} = {@code x} (0644), file {@code b} = {@code y} (0755), symlink {@code c -> a}. */
    public static Path tree(Path parent) throws IOException {
        Path tree = Files.createDirectory(parent.resolve("tree"));
        Files.writeString(tree.resolve("a"), "x");
        Files.setPosixFilePermissions(tree.resolve("a"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(tree.resolve("b"), "y");
        Files.setPosixFilePermissions(tree.resolve("b"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(tree.resolve("c"), Path.of("a"));
        return tree;
    }

    /** A Nix string literal of a file-system path, as a path interpolated into a string. */
    public static String interpolated(Path p) {
        return "\"${" + p + "}\"";
    }
}
