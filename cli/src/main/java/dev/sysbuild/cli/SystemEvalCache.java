package dev.sysbuild.cli;

import dev.sysbuild.cli.evalcache.EvalCache;
import dev.sysbuild.cli.evalcache.EvalCacheEntry;
import dev.sysbuild.cli.evalcache.EvalCacheKey;
import dev.sysbuild.cli.evalcache.RecordingIO;
import dev.sysbuild.eval.EvalSettings;
import dev.sysbuild.eval.LocalIO;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The evaluation cache as the system commands use it (see {@link dev.sysbuild.cli.evalcache}):
 * keyed for this run's options, kept under {@code R/sysbuild/var/cache/eval/}, with {@code -v}
 * saying whether it was used and why not. Writing it is best effort: a cache that cannot be
 * written (a read-only root) only costs the next run an evaluation.
 */
final class SystemEvalCache {
    /** The version in the key; tests replace it to stand for another sysbuild. */
    static Supplier<String> version = Version::current;

    /** See {@link EvalCache#RACE_MARGIN}; tests that write files just before a run lower it. */
    static java.time.Duration raceMargin = EvalCache.RACE_MARGIN;

    private final LocalStore store;
    private final EvalCache cache;
    private final EvalCacheKey key;
    private final PrintStream err;
    private final boolean verbose;

    SystemEvalCache(LocalStore store, CommonOptions common, String config, PrintStream err) {
        this(store, common, EvalCacheKey.of(version.get(), store.storeDir().path(), EvalSettings.hostSystem(), config,
                Session.cwd(), common.includes), err);
    }

    private SystemEvalCache(LocalStore store, CommonOptions common, EvalCacheKey key, PrintStream err) {
        this.store = store;
        this.cache = new EvalCache(store.layout().root().resolve("sysbuild/var/cache/eval"), raceMargin);
        this.key = key;
        this.err = err;
        this.verbose = common.verbose;
    }

    /** The cache of {@code build FILE [-A ATTR]...} (no secrets; every target's output must still be valid). */
    static SystemEvalCache forFile(LocalStore store, CommonOptions common, String file, List<String> attrPaths,
            PrintStream err) {
        return new SystemEvalCache(store, common, EvalCacheKey.forFile(version.get(), store.storeDir().path(),
                EvalSettings.hostSystem(), file, attrPaths, Session.cwd(), common.includes), err);
    }

    /** Records what {@code build FILE} evaluated to: its targets, as {@code DRV\tOUTPUT\tOUT}. */
    void recordTargets(List<String> targets, RecordingIO seen, Collection<String> copied, Instant started) {
        String[] first = targets.get(0).split("\t");
        write(first[2], first[0], List.of(), targets, seen, copied, started);
    }

    /** The entry for this configuration if everything it depended on is as it was. */
    Optional<EvalCacheEntry> lookup() {
        EvalCache.Lookup l = cache.lookup(key, this::valid, secretsDir(), new LocalIO(BuildCommand.environment.get()));
        if (verbose) err.println(l.entry().isPresent() ? "eval cache: hit, " + (l.entry().get().targets().isEmpty()
                ? l.entry().get().toplevel() : l.entry().get().targets().size() + " target(s)")
                : "eval cache: miss (" + l.reason() + ")");
        // What evaluating printed (module warnings above all) is said again, as a rebuild would.
        l.entry().ifPresent(e -> e.messages().forEach(err::println));
        return l.entry();
    }

    /** Records what this evaluation produced and depended on. */
    void record(StorePath toplevel, StorePath drvPath, List<String> secrets, RecordingIO seen, Collection<String> copied,
            Instant started) {
        write(store.storeDir().print(toplevel), store.storeDir().print(drvPath), secrets, List.of(), seen, copied, started);
    }

    /** Best effort: a cache that cannot be written only costs the next run an evaluation; -v says why. */
    private void write(String toplevel, String drvPath, List<String> secrets, List<String> targets, RecordingIO seen,
            Collection<String> copied, Instant started) {
        try {
            Optional<String> not = cache.write(key, toplevel, drvPath, secrets, seen.observations(), copied, started,
                    targets, seen.messages());
            if (verbose) err.println(not.map(why -> "eval cache: not recorded: " + why).orElse("eval cache: recorded"));
        } catch (IOException | RuntimeException e) {
            if (verbose) err.println("eval cache: not recorded: " + BuildCommand.describe(e instanceof IOException io ? io
                    : new IOException(e.toString())));
        }
    }

    private boolean valid(String toplevel) {
        try {
            return store.isValid(store.storeDir().parse(toplevel));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Path secretsDir() {
        return store.layout().root().resolve("sysbuild/var/secrets");
    }
}
