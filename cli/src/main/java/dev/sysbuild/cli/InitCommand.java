package dev.sysbuild.cli;

import dev.sysbuild.generations.git.CommitInfo;
import dev.sysbuild.generations.git.ConfigInit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild init [DIR]}: a new configuration repository that builds as it is. */
final class InitCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    private CommandSpec spec;

    InitCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "init",
                "Create a configuration repository: a commented system.conf, .gitignore, git init and a first commit.");
        c.addPositional(PositionalParamSpec.builder().arity("0..1").paramLabel("DIR").type(String.class)
                .description("Where to create it (default: the current directory).").initialValue(dir).build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    String dir = ".";

    /** The files a new configuration starts with. */
    static Map<String, String> template() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = InitCommand.class.getResourceAsStream("/sysbuild/init/system.conf")) {
            files.put("system.conf", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        files.put(".gitignore", "# build results: links into the store, made by `sysbuild build`\nresult\nresult-*\n");
        return files;
    }

    @Override
    public Integer call() {
        dir = Specs.positional(spec, 0);
        Path target = Path.of(Session.absolute(dir)).normalize();
        try {
            CommitInfo first = ConfigInit.create(target, template(), "Initial configuration (sysbuild init)");
            parent.out.println("Created a configuration in " + target + " (commit " + first.shortId() + " by "
                    + first.author() + ").");
            parent.out.println("Next: edit " + target.resolve("system.conf") + ", commit, and run 'sysbuild switch -f "
                    + target.resolve("system.conf") + "'.");
            return 0;
        } catch (IOException e) {
            parent.err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
