package dev.sysbuild.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.sysbuild.language.diag.Span;

/** {@link EvalIO} on the real file system and process environment. */
public class LocalIO implements EvalIO {
    private final Map<String, String> env;
    private final List<String> filesRead = Collections.synchronizedList(new ArrayList<>());

    public LocalIO(Map<String, String> env) {
        this.env = env;
    }

    public static LocalIO system() {
        return new LocalIO(System.getenv());
    }

    /** A byte string (one byte per char) as a file-system path. */
    static Path toPath(String bytes) {
        return Path.of(Bytes.decode(bytes));
    }

    @Override
    public String readFile(String path, Span span) {
        return Bytes.latin1(readFileBytes(path, span));
    }

    @Override
    public byte[] readFileBytes(String path, Span span) {
        try {
            byte[] data = Files.readAllBytes(toPath(path));
            filesRead.add(path);
            return data;
        } catch (NoSuchFileException e) {
            throw EvalException.error("opening file '" + path + "': No such file or directory", span);
        } catch (IOException e) {
            throw EvalException.error("reading file '" + path + "': " + e.getMessage(), span);
        }
    }

    @Override
    public boolean pathExists(String path) {
        return Files.exists(toPath(path), LinkOption.NOFOLLOW_LINKS) || Files.exists(toPath(path));
    }

    @Override
    public FileType fileType(String path) {
        try {
            BasicFileAttributes a = Files.readAttributes(toPath(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) return FileType.SYMLINK;
            if (a.isDirectory()) return FileType.DIRECTORY;
            if (a.isRegularFile()) return FileType.REGULAR;
            return FileType.UNKNOWN;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Map<String, FileType> readDir(String path, Span span) {
        Map<String, FileType> out = new TreeMap<>();
        try (var stream = Files.newDirectoryStream(toPath(path))) {
            for (Path p : stream) {
                String name = Bytes.encode(p.getFileName().toString());
                out.put(name, fileType(path.endsWith("/") ? path + name : path + "/" + name));
            }
        } catch (IOException e) {
            throw EvalException.error("reading directory '" + path + "': " + e.getMessage(), span);
        }
        return out;
    }

    @Override
    public String getEnv(String name) {
        String v = env.get(Bytes.decode(name));
        return v == null ? "" : Bytes.encode(v);
    }

    @Override
    public String realPath(String path) {
        try {
            return Bytes.encode(toPath(path).toRealPath().toString());
        } catch (IOException e) {
            return path;
        }
    }

    @Override
    public Peeked peekImport(String path, int maxBytes) {
        try {
            // As Evaluator.resolveImport does: a link named is resolved, a directory means its default.nix.
            Path p = toPath(path);
            if (Files.isSymbolicLink(p)) p = p.toRealPath();
            if (Files.isDirectory(p)) p = p.resolve("default.nix");
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (!a.isRegularFile() || a.size() > maxBytes) return null;
            return new Peeked(Bytes.encode(p.toString()), Bytes.latin1(Files.readAllBytes(p)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public List<String> filesRead() {
        return List.copyOf(filesRead);
    }
}
