package dev.sysbuild.cli;

import dev.sysbuild.generations.Generation;
import dev.sysbuild.generations.git.CommitInfo;
import dev.sysbuild.generations.git.ConfigRepository;
import dev.sysbuild.generations.git.Provenance;
import dev.sysbuild.generations.inspect.ConfigLog;
import dev.sysbuild.generations.inspect.ProvenanceDiff;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code sysbuild log}: commits of the configuration repository and generations on one time line.
 * The repository is the one holding {@code -f CONFIG} (default ./system.conf), else the one the
 * newest generation recorded.
 */
final class LogCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    private CommandSpec spec;

    LogCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "log",
                "Show the configuration's commits and the generations built from them, newest first:"
                        + " which commits were never built, which generation is current and which boots.");
        c.addOption(Specs.option(OptionSpec.builder("-f", "--file").paramLabel("CONFIG").type(String.class)
                .description("The system configuration whose repository is shown (default: ./system.conf)."), configFile));
        c.addOption(Specs.flag("Print a JSON array of the entries (commits and generations), newest first.", "--json"));
        c.addOption(Specs.option(OptionSpec.builder("-n", "--max-count").paramLabel("N").type(int.class)
                .description("Show the newest N entries (default: " + max + ")."), max));
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    String configFile = "system.conf";

    boolean json;

    int max = 30;

    @Override
    public Integer call() {
        configFile = Specs.value(spec, "--file");
        json = Specs.value(spec, "--json");
        max = Specs.value(spec, "--max-count");
        if (max < 1) {
            parent.err.println("error: --max-count must be at least 1");
            return 2;
        }
        return SystemContext.run(parent.err, common.verbose, () -> {
            SystemContext ctx = new SystemContext(common, parent.err);
            List<Generation> generations = ctx.profile.generations();
            List<CommitInfo> commits = List.of();
            Optional<ConfigRepository> repo = repository(generations);
            if (repo.isPresent()) {
                try (ConfigRepository r = repo.get()) {
                    commits = r.log(max);
                }
            } else {
                parent.err.println("hint: no git repository holds " + Session.absolute(configFile)
                        + "; showing generations only ('sysbuild init' makes a configuration repository)");
            }
            List<ConfigLog.Entry> entries = ConfigLog.entries(commits, generations, number(ctx.profile.activeGeneration(generations)),
                    ctx.profile.bootDefault(), max);
            if (entries.isEmpty()) {
                parent.err.println("no commits and no generations under " + ctx.layout.root());
            }
            if (json) {
                List<Object> out = new java.util.ArrayList<>();
                for (ConfigLog.Entry e : entries) out.add(e.data());
                Output.text(parent.out).print(dev.sysbuild.store.json.Json.writePretty(out));
            } else {
                Output.text(parent.out).print(ConfigLog.text(entries));
            }
            parent.out.flush();
            return 0;
        });
    }

    private Optional<ConfigRepository> repository(List<Generation> generations) throws IOException {
        Path config = Path.of(Session.absolute(configFile));
        Optional<ConfigRepository> here = ConfigRepository.discover(config.getParent());
        if (here.isPresent()) return here;
        for (int i = generations.size() - 1; i >= 0; i--) {
            Optional<Provenance> p = ProvenanceDiff.of(generations.get(i));
            if (p.isPresent() && p.get().repository() != null && Files.isDirectory(Path.of(p.get().repository()))) {
                return ConfigRepository.discover(Path.of(p.get().repository()));
            }
        }
        return Optional.empty();
    }


    private static OptionalInt number(Optional<Generation> g) {
        return g.isPresent() ? OptionalInt.of(g.get().number()) : OptionalInt.empty();
    }
}
