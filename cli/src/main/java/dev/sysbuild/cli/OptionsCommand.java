package dev.sysbuild.cli;

import dev.sysbuild.eval.Evaluator;
import dev.sysbuild.eval.Suggestions;
import dev.sysbuild.store.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code sysbuild options}: the option reference of the bundled OS modules, from their
 * declarations. Without a configuration file (none at the default ./system.conf) it shows the
 * options with the empty configuration.
 */
final class OptionsCommand implements Callable<Integer>, CommonOptions.Holder {
    final SysbuildCommand parent;

    private CommandSpec spec;

    OptionsCommand(SysbuildCommand parent) {
        this.parent = parent;
    }

    /** The command's model, built in code ({@link Specs} says why). */
    CommandSpec spec() {
        CommandSpec c = Specs.command(this, "options", "List the options of the OS modules with type, default and description.",
                "  options              every option",
                "  options search WORD  options whose name or description contains WORD",
                "  options show NAME    one option: its value in this configuration, and every file:line that declared or defined it");
        c.addOption(Specs.option(OptionSpec.builder("-f", "--file").paramLabel("FILE").type(String.class)
                .description("The configuration (default: ./system.conf, if it exists)."), null));
        c.addOption(Specs.flag("Print the options as JSON.", "--json"));
        c.addOption(Specs.flag("Print the reference of the bundled options (empty configuration) as Markdown: docs/options.md.",
                "--markdown"));
        c.addPositional(PositionalParamSpec.builder().arity("0..2").paramLabel("search WORD | show NAME").type(List.class)
                .auxiliaryTypes(String.class).description("What to show (default: every option).").build());
        spec = c;
        return c;
    }

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    String file;

    boolean json;

    boolean markdown;

    List<String> action = List.of();

    @Override
    public Integer call() {
        file = Specs.value(spec, "--file");
        json = Specs.value(spec, "--json");
        markdown = Specs.value(spec, "--markdown");
        action = Specs.positionals(spec, 0);
        String verb = action.isEmpty() ? null : action.get(0);
        if (verb != null && (!List.of("search", "show").contains(verb) || action.size() != 2)) {
            parent.err.println("error: expected `options`, `options search WORD` or `options show NAME` (see sysbuild options --help)");
            return 2;
        }
        if (markdown && (verb != null || file != null)) {
            parent.err.println("error: --markdown documents the bundled options alone; it takes no -f, search or show");
            return 2;
        }
        String conf = markdown ? null : configuration();
        if (file != null && conf == null) {
            parent.err.println("error: the configuration file '" + file + "' does not exist");
            return 1;
        }
        return Session.run(parent.err, common.verbose, () -> {
            Evaluator ev = Session.evaluator(common);
            OptionsQuery query = new OptionsQuery(ev, conf);
            StringBuilder out = new StringBuilder();
            if ("show".equals(verb)) {
                Map<String, Object> o = query.show(OptionsQuery.splitName(action.get(1)));
                if (o.containsKey("error")) {
                    String[] names = query.list().stream().map(x -> String.valueOf(x.get("name"))).toArray(String[]::new);
                    String near = Suggestions.didYouMean(action.get(1), names);
                    parent.err.println("error: the option `" + action.get(1) + "' does not exist"
                            + (near.isEmpty() ? "; try `sysbuild options search " + lastPart(action.get(1)) + "`" : near));
                    return 1;
                }
                out.append(json ? Json.writePretty(OptionsText.readable(o)) + "\n" : OptionsText.detail(o));
            } else {
                List<Map<String, Object>> options = query.list();
                if ("search".equals(verb)) options = matching(options, action.get(1));
                if (markdown) out.append(OptionsText.markdown(options));
                else if (json) out.append(Json.writePretty(options.stream().map(OptionsText::readable).toList())).append('\n');
                else for (int i = 0; i < options.size(); i++) out.append(i == 0 ? "" : "\n").append(OptionsText.entry(options.get(i)));
                if ("search".equals(verb) && options.isEmpty()) {
                    parent.err.println("no option matches '" + action.get(1) + "'");
                    return 1;
                }
            }
            parent.out.print(out);
            parent.out.flush();
            return 0;
        });
    }

    /** The configuration's absolute path, or null when there is none (or --markdown wants none). */
    private String configuration() {
        Path p = Path.of(file != null ? file : "system.conf");
        return Files.exists(p) ? Session.absolute(p.toString()) : null;
    }

    private static List<Map<String, Object>> matching(List<Map<String, Object>> options, String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return options.stream().filter(o -> String.valueOf(o.get("name")).toLowerCase(Locale.ROOT).contains(w)
                || String.valueOf(o.get("description")).toLowerCase(Locale.ROOT).contains(w)).toList();
    }

    private static String lastPart(String name) {
        List<String> parts = OptionsQuery.splitName(name);
        return parts.get(parts.size() - 1);
    }
}
