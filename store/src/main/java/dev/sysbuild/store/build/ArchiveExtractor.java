package dev.sysbuild.store.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Writes archive entries below one directory and nowhere else. Refused: names that are absolute
 * or have a {@code ..} component, symlinks whose target leads out of the directory or is
 * absolute (unless asked to keep absolute targets, which a Debian package means as paths on the
 * target and which are never followed here), hard links to anything but an earlier entry, and any entry whose parent on disk is
 * a symlink (so a link in the archive can never be written through). Device files and FIFOs
 * cannot be store objects and are skipped. Later entries replace earlier ones, as with tar.
 */
final class ArchiveExtractor {
    private final Path root;
    private final String what;
    private final List<String> skipped = new ArrayList<>();
    private final boolean absoluteLinks;

    /** @param what the archive, for error messages */
    ArchiveExtractor(Path root, String what) {
        this(root, what, false);
    }

    /**
     * @param absoluteLinks whether a symlink may hold an absolute target: in a Debian package it
     *     names a path on the installed system and is kept as is, never followed here
     */
    ArchiveExtractor(Path root, String what, boolean absoluteLinks) {
        this.root = root;
        this.what = what;
        this.absoluteLinks = absoluteLinks;
    }

    List<String> skipped() {
        return skipped;
    }

    void tar(InputStream in) throws IOException, BuildException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name());
        TarArchiveEntry e;
        while ((e = tar.getNextEntry()) != null) {
            String name = checkedName(e.getName());
            if (name.isEmpty()) continue;
            if (e.isDirectory()) {
                directory(name);
            } else if (e.isSymbolicLink()) {
                symlink(name, e.getLinkName());
            } else if (e.isLink()) {
                hardLink(name, e.getLinkName());
            } else if (e.isFile()) {
                file(name, tar, (e.getMode() & 0100) != 0);
            } else {
                skipped.add(name);
            }
        }
    }

    void zip(InputStream in) throws IOException, BuildException {
        ZipArchiveInputStream zip = new ZipArchiveInputStream(in, StandardCharsets.UTF_8.name(), true, true);
        ZipArchiveEntry e;
        while ((e = zip.getNextEntry()) != null) {
            String name = checkedName(e.getName());
            if (name.isEmpty()) continue;
            if (e.isDirectory()) {
                directory(name);
            } else if (e.isUnixSymlink()) {
                symlink(name, new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            } else {
                file(name, zip, (e.getUnixMode() & 0100) != 0);
            }
        }
    }

    /** The name relative to the root, {@code ./} and trailing slashes dropped; {@code ""} is the root. */
    private String checkedName(String name) throws BuildException {
        if (name.startsWith("/")) throw refused(name, "it is an absolute path");
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) continue;
            if (part.equals("..")) throw refused(name, "it goes up with '..'");
            parts.add(part);
        }
        return String.join("/", parts);
    }

    private void directory(String name) throws IOException, BuildException {
        Path target = parentsMade(name);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) return;
        Files.deleteIfExists(target);
        Files.createDirectory(target);
    }

    private void file(String name, InputStream content, boolean executable) throws IOException, BuildException {
        Path target = parentsMade(name);
        replaceable(name, target);
        Files.copy(content, target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private void symlink(String name, String linkTarget) throws IOException, BuildException {
        if (linkTarget.isEmpty()) throw refused(name, "it is a symlink with an empty target");
        if (linkTarget.startsWith("/")) {
            if (!absoluteLinks) throw refused(name, "it is a symlink to the absolute path '" + linkTarget + "'");
            Path target = parentsMade(name);
            replaceable(name, target);
            Files.createSymbolicLink(target, Path.of(linkTarget));
            return;
        }
        int depth = name.split("/").length - 1;
        for (String part : linkTarget.split("/")) {
            if (part.equals("..")) depth--;
            else if (!part.isEmpty() && !part.equals(".")) depth++;
            if (depth < 0) throw refused(name, "it is a symlink to '" + linkTarget + "', outside the archive");
        }
        Path target = parentsMade(name);
        replaceable(name, target);
        Files.createSymbolicLink(target, Path.of(linkTarget));
    }

    private void hardLink(String name, String linkName) throws IOException, BuildException {
        String source = checkedName(linkName);
        Path from = root.resolve(source);
        if (source.isEmpty() || !Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS) || throughSymlink(source)) {
            throw refused(name, "it is a hard link to '" + linkName + "', which is not an earlier file of the archive");
        }
        Path target = parentsMade(name);
        replaceable(name, target);
        Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** Creates the parents of {@code name} as real directories, refusing to pass through a symlink. */
    private Path parentsMade(String name) throws IOException, BuildException {
        Path dir = root;
        String[] parts = name.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            dir = dir.resolve(parts[i]);
            if (Files.isSymbolicLink(dir)) throw refused(name, "its parent '" + parts[i] + "' is a symlink");
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(dir);
                Files.createDirectory(dir);
            }
        }
        return dir.resolve(parts[parts.length - 1]);
    }

    private boolean throughSymlink(String name) {
        Path dir = root;
        String[] parts = name.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            dir = dir.resolve(parts[i]);
            if (Files.isSymbolicLink(dir)) return true;
        }
        return false;
    }

    /** A file or link replaces what an earlier entry left; a directory with contents is not replaced. */
    private void replaceable(String name, Path target) throws IOException, BuildException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(name, "a directory of that name came earlier in the archive");
        }
        Files.deleteIfExists(target);
    }

    private BuildException refused(String name, String why) {
        return new BuildException("refusing to unpack '" + name + "' from " + what + ": " + why);
    }
}
