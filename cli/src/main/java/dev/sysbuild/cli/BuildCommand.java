package dev.sysbuild.cli;

import dev.sysbuild.cli.evalcache.EvalCacheEntry;
import dev.sysbuild.cli.evalcache.RecordingIO;
import dev.sysbuild.eval.EvalIO;
import dev.sysbuild.eval.EvalSettings;
import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.LocalIO;
import dev.sysbuild.store.build.BuildFailedException;
import dev.sysbuild.store.build.BuildProgress;
import dev.sysbuild.store.build.BuildScheduler;
import dev.sysbuild.store.build.BuildSettings;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code sysbuild build FILE}: evaluates FILE (a derivation, or a list or set of them) with a
 * store that writes, builds what is not built yet, makes {@code result} links (registered as GC
 * roots) and prints the output paths, as nix-build does.
 */
class BuildCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    /** The command's model, built in code ({@link Specs} says why); {@link #load} reads it. */
    private CommandSpec spec;

    String file;

    /** CONFIG: the system configuration built when no FILE is given. */
    String configFile = "system.conf";

    String rev;

    /** The configuration file evaluated: CONFIG, or its copy exported from REV. */
    String effectiveConfig;

    /** The environment evaluation sees (getEnv, NIX_PATH, HOME); tests replace it. */
    static java.util.function.Supplier<java.util.Map<String, String>> environment = System::getenv;

    /** Where the time goes, printed under -v. */
    Timings timings = Timings.of(false);

    List<String> attrPaths = new ArrayList<>();

    String outLink = "result";

    boolean noLink;

    Integer jobs;

    boolean noEvalCache;

    Boolean sandbox;

    String sandboxPaths;

    BuildCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's name and description (the system commands have their own). */
    String name() {
        return "build";
    }

    String description() {
        return "Build the derivations of FILE (a derivation, or a list or attribute set of them) and link"
                + " the results, as nix-build does.";
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, name(), description());
        c.addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("FILE").type(String.class)
                .description("The expression to build (a directory means its default.nix).").build());
        c.addOption(Specs.option(OptionSpec.builder("-f", "--file").paramLabel("CONFIG").type(String.class)
                .description("The system configuration built when no FILE is given (default: ./system.conf)."), configFile));
        c.addOption(Specs.option(OptionSpec.builder("--rev").paramLabel("REV").type(String.class)
                .description("Build the configuration as it is at this git revision (read from git; the work tree is not touched)."),
                null));
        c.addOption(Specs.option(OptionSpec.builder("-A", "--attr").paramLabel("ATTRPATH").type(List.class)
                .auxiliaryTypes(String.class).description("Build this attribute path of the value."), null));
        c.addOption(Specs.option(OptionSpec.builder("-o", "--out-link").paramLabel("LINK").type(String.class)
                .description("Name of the result link (default: result)."), outLink));
        c.addOption(Specs.flag("Make no result link.", "--no-link"));
        c.addOption(Specs.option(OptionSpec.builder("-j", "--max-jobs").paramLabel("N").type(Integer.class)
                .description("Builds at once (default: the number of cores)."), null));
        c.addOption(Specs.flag("Evaluate the system configuration even if the evaluation cache (sysbuild/var/cache/eval) has its result.",
                "--no-eval-cache"));
        c.addOption(Specs.option(OptionSpec.builder("--sandbox").negatable(true).type(Boolean.class).arity("0")
                .description("Run builders in a bubblewrap sandbox (default: on when bwrap is installed)."), null));
        c.addOption(Specs.option(OptionSpec.builder("--sandbox-paths").paramLabel("PATHS").type(String.class)
                .description("Host paths the sandbox shows, separated by spaces, each PATH or INSIDE=OUTSIDE (default: /bin /lib /lib64 /usr)."),
                null));
        spec = c;
        return c;
    }

    /** The parsed values, from {@link #spec}. */
    void load(CommandSpec c) {
        file = Specs.positional(c, 0);
        configFile = Specs.value(c, "--file");
        rev = Specs.value(c, "--rev");
        attrPaths = Specs.values(c, "--attr");
        outLink = Specs.value(c, "--out-link");
        noLink = Specs.value(c, "--no-link");
        jobs = Specs.value(c, "--max-jobs");
        noEvalCache = Specs.value(c, "--no-eval-cache");
        sandbox = Specs.value(c, "--sandbox");
        sandboxPaths = Specs.value(c, "--sandbox-paths");
    }

    @Override
    public Integer call() {
        load(spec);
        timings = Timings.of(common.verbose);
        try {
            return start();
        } finally {
            timings.print(parent.err);
        }
    }

    private int start() {
        if (rev != null && file != null) {
            parent.err.println("error: --rev applies to the system configuration (-f CONFIG), not to a FILE");
            return 2;
        }
        if (rev != null) return buildRevision();
        effectiveConfig = Session.absolute(configFile);
        if (file == null && !java.nio.file.Files.isRegularFile(Path.of(Session.absolute(configFile)))) {
            parent.err.println("error: no system configuration at " + Session.absolute(configFile)
                    + "; give one with -f CONFIG, or create one with 'sysbuild init'");
            return 2;
        }
        if (file != null && systemOnly()) {
            parent.err.println("error: this command builds the system configuration (-f CONFIG), not a FILE");
            return 2;
        }
        return buildSettled();
    }

    /** Builds once what to evaluate (FILE, CONFIG or its copy from REV) is settled. */
    private int buildSettled() {
        if (jobs != null && jobs < 1) {
            parent.err.println("error: -j needs a number of at least 1");
            return 2;
        }
        Optional<BuildSettings> settings = settings();
        if (settings.isEmpty()) return 1;
        return Session.run(parent.err, common.verbose, () -> {
            try {
                timings.mark("open store");
                LocalStore store = LocalStore.open(Path.of(common.root), new StoreDir(common.storeDir));
                LocalEvalStore evalStore = new LocalEvalStore(store);
                try {
                    return build(store, evalStore, settings.get());
                } finally {
                    evalStore.close();
                }
            } catch (IOException e) {
                parent.err.println("error: " + describe(e) + " (store under " + common.root + ")");
                if (common.verbose) e.printStackTrace(parent.err);
                return 1;
            }
        });
    }

    /**
     * {@code --rev}: exports the revision's tree to a private temporary directory, evaluates the
     * configuration there (so imports, readFile and copied paths all come from the commit), and
     * removes the copy afterwards. Store paths of sources depend on content and name only, so they
     * are the same as from a checkout.
     */
    private int buildRevision() {
        Path config = Path.of(Session.absolute(configFile));
        Path tmp = null;
        try (var repo = dev.sysbuild.generations.git.ConfigRepository.discover(config.getParent()).orElse(null)) {
            if (repo == null) {
                parent.err.println("error: --rev needs a git repository, and " + config.getParent() + " is not in one");
                return 1;
            }
            Path dir = config.getParent().toAbsolutePath().toRealPath();
            Path relative = repo.workTree().relativize(dir.resolve(config.getFileName()));
            tmp = java.nio.file.Files.createTempDirectory("sysbuild-rev-");
            repo.exportRevision(rev, tmp.resolve("tree"));
            effectiveConfig = tmp.resolve("tree").resolve(relative).toString();
            if (!java.nio.file.Files.isRegularFile(Path.of(effectiveConfig))) {
                parent.err.println("error: " + relative + " does not exist at revision " + rev);
                return 1;
            }
            return buildSettled();
        } catch (IOException e) {
            parent.err.println("error: " + describe(e));
            return 1;
        } finally {
            if (tmp != null) {
                try {
                    dev.sysbuild.store.local.FileTrees.deleteRecursively(tmp);
                } catch (IOException ignored) {
                    // A temporary copy left behind is harmless.
                }
            }
        }
    }

    /** Whether this command builds only the system and then acts on it (switch, boot, test). */
    boolean systemOnly() {
        return false;
    }

    /**
     * What switch, boot and test do with the built toplevel; {@code build} never gets here.
     * {@code pathsRead} are the files and trees evaluation read (byte strings), for provenance.
     */
    int afterSystemBuild(LocalStore store, List<String> pathsRead, StorePath toplevel) throws Exception {
        throw new IllegalStateException("not a system command");
    }

    /** An I/O failure as a sentence: Java's file-system exceptions carry only the path. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof java.nio.file.NoSuchFileException n) return "no such file or directory: " + n.getFile();
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private int build(LocalStore store, LocalEvalStore evalStore, BuildSettings settings) throws Exception {
        Optional<SystemEvalCache> cache = rev != null || noEvalCache ? Optional.empty()
                : file == null ? Optional.of(new SystemEvalCache(store, common, effectiveConfig, parent.err))
                : Optional.of(SystemEvalCache.forFile(store, common, Session.absolute(file), attrPaths, parent.err));
        if (cache.isPresent()) {
            timings.mark("eval cache");
            Optional<EvalCacheEntry> hit = cache.get().lookup();
            if (hit.isPresent() && file != null) {
                // Every target's output is valid (the lookup checked): nothing to evaluate or build.
                List<BuildTargets.Target> known = new ArrayList<>();
                for (String t : hit.get().targets()) {
                    String[] f = t.split("\t");
                    known.add(new BuildTargets.Target(store.storeDir().parse(f[0]), f[1], store.storeDir().parse(f[2])));
                }
                return finish(store, known, hit.get().pathsRead());
            }
            if (hit.isPresent()) {
                StorePath top = store.storeDir().parse(hit.get().toplevel());
                BuildTargets.Target t = new BuildTargets.Target(store.storeDir().parse(hit.get().drvPath()), "out", top);
                return finish(store, List.of(t), hit.get().pathsRead());
            }
        }
        timings.mark("evaluation");
        Instant started = Instant.now();
        LocalIO local = new LocalIO(environment.get());
        RecordingIO recording = new RecordingIO(local);
        EvalIO io = cache.isPresent() ? recording : local;
        Evaluator ev = new Evaluator(io, evalStore, Evaluator.searchPath(common.includes, io),
                EvalSettings.defaults().withStoreDir(store.storeDir()));
        SystemBuild system = file == null ? SystemBuild.of(ev, effectiveConfig) : null;
        List<BuildTargets.Target> targets = system == null ? BuildTargets.of(ev, Session.absolute(file), attrPaths)
                : system.toplevel();
        Set<StorePath> drvs = new LinkedHashSet<>();
        for (BuildTargets.Target t : targets) drvs.add(t.drvPath());
        // Building needs the derivations, not their .drv files (an output only names its
        // deriver), so the files are still being written while the builds run; all are valid
        // before anything links to the results.
        timings.mark("build");
        try (BuildProgress progress = progress()) {
            new BuildScheduler(store, settings, progress).realise(drvs, evalStore::derivation);
        } catch (BuildFailedException e) {
            evalStore.flush();
            parent.err.println("error: " + e.getMessage());
            return 1;
        }
        evalStore.flush();
        List<String> read = new ArrayList<>(io.filesRead());
        read.addAll(ev.sources().copiedPaths());
        if (system == null && cache.isPresent() && !targets.isEmpty()) {
            List<String> recorded = new ArrayList<>();
            for (BuildTargets.Target t : targets) {
                recorded.add(store.storeDir().print(t.drvPath()) + "\t" + t.output() + "\t" + store.storeDir().print(t.outPath()));
            }
            cache.get().recordTargets(recorded, recording, ev.sources().copiedPaths(), started);
        }
        if (system != null) {
            timings.mark("secrets");
            List<String> secrets = system.writeSecrets(store.layout().root());
            if (cache.isPresent()) {
                BuildTargets.Target t = targets.get(0);
                cache.get().record(t.outPath(), t.drvPath(), secrets, recording, ev.sources().copiedPaths(), started);
            }
        }
        return finish(store, targets, read);
    }

    /** After building (or finding the system toplevel in the eval cache): act on it, or link and print. */
    private int finish(LocalStore store, List<BuildTargets.Target> targets, List<String> pathsRead) throws Exception {
        // What comes next (a generation, a result link that is a GC root) must survive a crash with
        // its closure: sources evaluation added may not be on disk yet (LocalStore#syncPending).
        store.syncPending();
        if (file == null && systemOnly()) return afterSystemBuild(store, pathsRead, targets.get(0).outPath());
        if (!noLink) ResultLinks.make(store.layout(), Path.of(outLink), targets);
        StringBuilder out = new StringBuilder();
        for (BuildTargets.Target t : targets) out.append(store.storeDir().print(t.outPath())).append('\n');
        parent.out.print(out);
        parent.out.flush();
        return 0;
    }

    /** The settings of this run, or empty after printing why it cannot run. */
    private Optional<BuildSettings> settings() {
        BuildSettings s = BuildSettings.defaults(EvalSettings.hostSystem());
        if (jobs != null) s = s.withJobs(jobs);
        if (sandboxPaths != null) s = s.withSandboxPaths(List.of(sandboxPaths.trim().split("\\s+")));
        Optional<Path> bwrap = BuildSettings.findBwrap(System.getenv("PATH"));
        if (Boolean.TRUE.equals(sandbox) && bwrap.isEmpty()) {
            parent.err.println("error: --sandbox needs bubblewrap ('bwrap' on PATH), which is not installed;"
                    + " install it (apt-get install bubblewrap) or build with --no-sandbox");
            return Optional.empty();
        }
        if (sandbox == null && bwrap.isEmpty() && !common.quiet) {
            parent.err.println("note: bubblewrap (bwrap) is not installed, so builders run without a sandbox"
                    + " (--no-sandbox silences this)");
        }
        boolean on = sandbox == null ? bwrap.isPresent() : sandbox;
        return Optional.of(s.withSandbox(on ? bwrap : Optional.empty()));
    }

    private BuildProgress progress() {
        if (common.quiet) return BuildProgress.silent();
        return System.console() != null ? BuildProgress.terminal(parent.err) : BuildProgress.plain(parent.err);
    }
}
