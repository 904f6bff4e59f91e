package dev.sysbuild.eval.os;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.ComputeOnlyStore;
import dev.sysbuild.eval.DeepStack;
import dev.sysbuild.eval.EvalSettings;
import dev.sysbuild.eval.EvalStore;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Force;
import dev.sysbuild.eval.LocalIO;
import dev.sysbuild.store.derivation.Derivation;
import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.path.IngestionMethod;
import dev.sysbuild.store.nar.NarFilter;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One configuration evaluated through {@code <sysbuild/os>} as {@code sysbuild build} would
 * before building (its toplevel's {@code .drv} path, so every derivation is computed), with what
 * the tests read: the toplevel's manifest, the unit files, the /etc texts, the secrets, and the
 * ATerm text of every derivation the evaluation computed.
 */
final class OsEvaluation {
    static final String SYSTEM = "x86_64-linux";

    final Map<String, Object> result;
    final Map<String, Map<String, Object>> toplevel = new LinkedHashMap<>();
    final List<String> toplevelPaths = new ArrayList<>();
    final List<String> derivationTexts = new ArrayList<>();

    private OsEvaluation(Map<String, Object> result) {
        this.result = result;
        for (Map<String, Object> e : entries("toplevel")) {
            toplevel.put((String) e.get("path"), e);
            toplevelPaths.add((String) e.get("path"));
        }
    }

    /** Evaluates {@code configuration} with the bundled files unpacked under {@code cache}. */
    static OsEvaluation of(Path configuration, Path cache) throws Exception {
        List<String> drvs = new ArrayList<>();
        EvalStore store = new RecordingStore(new ComputeOnlyStore(StoreDir.DEFAULT), drvs);
        Evaluator ev = new Evaluator(new LocalIO(Map.of("XDG_CACHE_HOME", Bytes.encode(cache.toString()))), store,
                List.of(), new EvalSettings(StoreDir.DEFAULT, SYSTEM));
        String expr = "let s = import <sysbuild/os> { configuration = /. + \"" + configuration.toAbsolutePath() + "\"; system = \""
                + SYSTEM + "\"; };\n"
                + "  tree = d: builtins.fromJSON (builtins.unsafeDiscardStringContext d.drvAttrs.manifest);\n"
                + "  c = s.config;\n"
                + "  single = d: let m = tree d; in if builtins.length m.entries == 1 then (builtins.head m.entries).text or null else null;\n"
                + "  built = v: builtins.isAttrs v && (v.drvAttrs.builder or null) == \"builtin:sysbuild-tree\";\n"
                + "in builtins.unsafeDiscardStringContext (builtins.toJSON {\n"
                + "  drvPath = s.toplevel.drvPath;\n"
                + "  toplevel = (tree s.toplevel).entries;\n"
                + "  units = (tree c.system.build.units).entries;\n"
                + "  etcText = builtins.mapAttrs (n: e: if e.text != null then e.text else if built e.source then single e.source else null) c.environment.etc;\n"
                + "  secrets = c.system.build.secrets;\n"
                + "})";
        String json = DeepStack.run(() -> Bytes.decode(Force.plainString(
                ev.evalString("«test»", Bytes.encode(expr), "/"), null)));
        OsEvaluation e = new OsEvaluation(Json.parseObject(json));
        e.derivationTexts.addAll(drvs);
        return e;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> entries(String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    /** The text of a toplevel file entry (etc.json, init, ...). */
    String text(String path) {
        Map<String, Object> e = toplevel.get(path);
        if (e == null || !e.containsKey("text")) throw new AssertionError("no text entry " + path + " in the toplevel");
        return (String) e.get("text");
    }

    /** A toplevel JSON file, parsed. */
    Object json(String path) {
        return Json.parse(text(path));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> jsonObject(String path) {
        return (Map<String, Object>) json(path);
    }

    /** Where a toplevel link points. */
    String link(String path) {
        Map<String, Object> e = toplevel.get(path);
        if (e == null || !e.containsKey("symlink")) throw new AssertionError("no link " + path + " in the toplevel");
        return (String) e.get("symlink");
    }

    /** A unit file's text, by file name (sshd.service). */
    String unit(String file) {
        for (Map<String, Object> u : entries("units")) if (u.get("path").equals(file)) return (String) u.get("text");
        throw new AssertionError("no unit file " + file);
    }

    @SuppressWarnings("unchecked")
    String etcText(String name) {
        return (String) ((Map<String, Object>) result.get("etcText")).get(name);
    }

    /** The entry of etc.json for a target. */
    @SuppressWarnings("unchecked")
    Map<String, Object> etcEntry(String target) {
        for (Object o : (List<Object>) jsonObject("etc.json").get("entries")) {
            Map<String, Object> e = (Map<String, Object>) o;
            if (e.get("target").equals(target)) return e;
        }
        throw new AssertionError("no etc.json entry " + target);
    }

    /** The users.json record of a user or group. */
    @SuppressWarnings("unchecked")
    Map<String, Object> account(String kind, String name) {
        for (Object o : (List<Object>) jsonObject("users.json").get(kind)) {
            Map<String, Object> a = (Map<String, Object>) o;
            if (a.get("name").equals(name)) return a;
        }
        throw new AssertionError("no " + kind + " record " + name);
    }

    /** Keeps the text of every derivation the evaluation computes. */
    private record RecordingStore(EvalStore inner, List<String> drvs) implements EvalStore {
        @Override public StoreDir storeDir() { return inner.storeDir(); }
        @Override public StorePath addPath(Path source, String name, IngestionMethod method, NarFilter filter,
                Collection<StorePath> references) throws IOException {
            return inner.addPath(source, name, method, filter, references);
        }
        @Override public StorePath addText(String name, byte[] contents, Collection<StorePath> references) {
            drvs.add(new String(contents, java.nio.charset.StandardCharsets.ISO_8859_1));
            return inner.addText(name, contents, references);
        }
        @Override public InstantiatedDerivation addDerivation(Derivation draft) {
            InstantiatedDerivation d = inner.addDerivation(draft);
            drvs.add(new String(d.derivation().toATerm(), java.nio.charset.StandardCharsets.ISO_8859_1));
            return d;
        }
        @Override public Optional<Derivation> derivation(StorePath drvPath) { return inner.derivation(drvPath); }
        @Override public Optional<Set<StorePath>> references(StorePath path) { return inner.references(path); }
    }
}
