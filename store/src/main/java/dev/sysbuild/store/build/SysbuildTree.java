package dev.sysbuild.store.build;

import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.json.JsonException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code builtin:sysbuild-tree} (docs/toplevel-format.md): writes {@code $out} from the JSON
 * manifest in the environment variable {@code manifest}. Each entry names a relative path and
 * exactly one of {@code symlink}, {@code text} (optionally {@code executable}) or
 * {@code directory}; parents are created as needed; the path {@code ""} is {@code $out} itself.
 *
 * <p>Bytes: environment values are byte strings (one char per byte) holding what the evaluator
 * wrote, UTF-8 for non-ASCII text. The manifest is parsed as those chars, and each string is
 * turned back into the same bytes; a {@code \\u} escape above {@code \\u00ff} (which Nix's
 * {@code toJSON} never writes) becomes its UTF-8 encoding.
 */
final class SysbuildTree implements Builder {
    @Override
    public void build(BuildRequest req, BuildContext ctx) throws BuildException, IOException {
        Path out = BuiltinBuilders.output(req, ctx, "out");
        List<?> entries = entries(req, BuiltinBuilders.required(req, "manifest"));
        Set<String> given = new HashSet<>();
        boolean outItself = entries.stream().anyMatch(e -> e instanceof Map<?, ?> m && "".equals(m.get("path")));
        if (outItself && entries.size() != 1) {
            throw fail(req, "the entry with path \"\" is $out itself, so it must be the only entry");
        }
        if (!outItself) Files.createDirectory(out);
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> entry)) throw fail(req, "an entry is " + Json.typeName(e) + ", not an object");
            Object pathValue = entry.get("path");
            if (!(pathValue instanceof String rel)) throw fail(req, "an entry has no string 'path'");
            if (!given.add(rel)) throw fail(req, "the path '" + rel + "' is given twice");
            Path target = rel.isEmpty() ? out : out.resolve(checked(req, rel));
            write(req, entry, rel, target);
        }
        ctx.log("sysbuild-tree: wrote " + entries.size() + " entries");
    }

    private static List<?> entries(BuildRequest req, String manifest) throws BuildException {
        try {
            Object entries = Json.parseObject(manifest).get("entries");
            if (!(entries instanceof List<?> list)) throw fail(req, "the manifest has no 'entries' array");
            return list;
        } catch (JsonException e) {
            throw fail(req, "the manifest is not valid JSON: " + e.getMessage());
        }
    }

    private static void write(BuildRequest req, Map<?, ?> entry, String rel, Path target)
            throws BuildException, IOException {
        Object symlink = entry.get("symlink");
        Object text = entry.get("text");
        Object directory = entry.get("directory");
        int kinds = (symlink != null ? 1 : 0) + (text != null ? 1 : 0) + (directory != null ? 1 : 0);
        if (kinds != 1) throw fail(req, "the entry '" + rel + "' must have exactly one of symlink, text, directory");
        if (target.getParent() != null) makeParents(req, rel, target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (Boolean.TRUE.equals(directory) && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) return;
            throw fail(req, "the entry '" + rel + "' is already there (as a parent of another entry)");
        }
        if (symlink instanceof String s) {
            Files.createSymbolicLink(target, Path.of(fileName(s)));
        } else if (text instanceof String t) {
            Files.write(target, bytes(t));
            boolean exec = Boolean.TRUE.equals(entry.get("executable"));
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
        } else if (Boolean.TRUE.equals(directory)) {
            Files.createDirectory(target);
        } else {
            throw fail(req, "the entry '" + rel + "' has a symlink or text that is not a string, or directory not true");
        }
    }

    /** Creates the parents of an entry, refusing to go through a file or link another entry made. */
    private static void makeParents(BuildRequest req, String rel, Path dir) throws BuildException, IOException {
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw fail(req, "the entry '" + rel + "' lies below a file or symlink");
        }
        makeParents(req, rel, dir.getParent());
        Files.createDirectory(dir);
    }

    /** A relative path with no empty, {@code .} or {@code ..} component, as a file-system path. */
    private static String checked(BuildRequest req, String rel) throws BuildException {
        if (rel.startsWith("/")) throw fail(req, "the path '" + rel + "' is absolute; paths are relative to $out");
        for (String part : rel.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw fail(req, "the path '" + rel + "' has an empty, '.' or '..' component");
            }
        }
        return fileName(rel);
    }

    /** The bytes a manifest string stands for (see the class comment). */
    static byte[] bytes(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0xff) {
                b.write(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                b.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return b.toByteArray();
    }

    /** A manifest string as a Java file name: its bytes read as UTF-8, which the file system gets back. */
    private static String fileName(String s) {
        return new String(bytes(s), StandardCharsets.UTF_8);
    }

    private static BuildException fail(BuildRequest req, String why) {
        return new BuildException("builtin:sysbuild-tree for '" + req.name() + "': " + why);
    }
}
