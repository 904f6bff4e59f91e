package dev.sysbuild.eval;

import dev.sysbuild.language.diag.Span;
import dev.sysbuild.store.nar.NarFilter;
import dev.sysbuild.store.path.IngestionMethod;
import dev.sysbuild.store.path.InvalidStorePathException;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paths used as strings ({@code "${./p}"}, a path in a derivation's attributes): each is imported
 * into the store once per evaluation (Nix's {@code srcToStore}), recursively, named after its last
 * component, and stands for its store path from then on, even if the file changes meanwhile.
 */
public final class ImportedSources {
    private final EvalStore store;
    private final Map<String, String> storePaths = new ConcurrentHashMap<>();
    /** Every file or tree copied into the store in this evaluation, by any builtin: for provenance. */
    private final java.util.Set<String> copied = ConcurrentHashMap.newKeySet();

    public ImportedSources(EvalStore store) {
        this.store = store;
    }

    /** The full store path of {@code path} (an absolute byte-string path), importing it on first use. */
    public String storePath(String path, Span span) {
        if (path.endsWith(StorePath.DRV_EXTENSION)) {
            throw EvalException.error("file names are not allowed to end in '" + StorePath.DRV_EXTENSION + "'", span);
        }
        String known = storePaths.get(path);
        if (known != null) return known;
        copied.add(path);
        String imported = store.storeDir().print(importPath(store, path, baseNameOf(path), IngestionMethod.RECURSIVE,
                NarFilter.ALL, List.of(), span));
        String prev = storePaths.putIfAbsent(path, imported);
        return prev != null ? prev : imported;
    }

    /**
     * Imports {@code path} into {@code store}, turning what can go wrong into evaluation errors
     * with Nix's wording.
     */
    public static StorePath importPath(EvalStore store, String path, String name, IngestionMethod method,
            NarFilter filter, List<StorePath> references, Span span) {
        try {
            return store.addPath(Path.of(Bytes.decode(path)), name, method, filter, references);
        } catch (NoSuchFileException e) {
            throw EvalException.error("getting status of '" + path + "': No such file or directory", span);
        } catch (IOException e) {
            throw EvalException.error("importing '" + path + "' into the store: " + e.getMessage(), span);
        } catch (InvalidStorePathException e) {
            throw EvalException.error(e.getMessage(), span);
        }
    }

    /** Notes that {@code path} (a byte string) was copied into the store, e.g. by {@code builtins.path}. */
    public void recordCopy(String path) {
        copied.add(path);
    }

    /**
     * The files and directories (absolute byte-string paths) this evaluation copied into the
     * store; with {@link EvalIO#filesRead()} they are everything evaluation read from disk.
     */
    public java.util.SortedSet<String> copiedPaths() {
        return new java.util.TreeSet<>(copied);
    }

    /** Nix's {@code baseNameOf}: the last component, ignoring one trailing slash. */
    public static String baseNameOf(String path) {
        if (path.isEmpty()) return "";
        int last = path.length() - 1;
        if (path.charAt(last) == '/' && last > 0) last--;
        int slash = path.lastIndexOf('/', last);
        return path.substring(slash + 1, last + 1);
    }
}
