package dev.sysbuild.cli;

import dev.sysbuild.store.path.StoreDir;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options every command accepts, before or after the command name. The top command and each
 * subcommand carry this mixin (built in code by {@link #spec}, added by {@link Specs#command});
 * {@link #passDown} then copies what was given before a command name into that command's own
 * copy, so a command only ever reads its own {@code common}.
 */
public final class CommonOptions {
    /** A command with its own copy of these options. */
    interface Holder {
        CommonOptions common();
    }

    String root = "/";
    String storeDir = StoreDir.DEFAULT.path();
    List<String> includes = new ArrayList<>();
    boolean verbose;
    boolean quiet;
    boolean noColor;

    /**
     * Before a command runs: every command on the parsed path that has these options gets the
     * values given to the commands above it. A value given after the command name wins; list
     * options ({@code -I}) keep both, the earlier ones first, as Nix orders search paths.
     *
     * <p>Picocli's inherited options ({@code scope = INHERIT}) would store every value on the
     * top command; this keeps each command's own mixin authoritative instead, so commands need
     * not know which level an option was typed at.
     */
    static void passDown(ParseResult parsed) {
        CommandSpec above = null;
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            CommandSpec mine = mixinOf(level.commandSpec());
            if (mine == null) continue;
            if (above != null) inherit(above, mine, level);
            ((CommonOptions) mine.userObject()).load(mine);
            above = mine;
        }
    }

    /** Takes the values parsed into {@code mixin}, this object's {@link #spec}. */
    private void load(CommandSpec mixin) {
        root = Specs.value(mixin, "--root");
        storeDir = Specs.value(mixin, "--store-dir");
        includes = Specs.values(mixin, "--include");
        verbose = Specs.value(mixin, "--verbose");
        quiet = Specs.value(mixin, "--quiet");
        noColor = Specs.value(mixin, "--no-color");
    }

    private static CommandSpec mixinOf(CommandSpec command) {
        for (CommandSpec mixin : command.mixins().values()) {
            if (mixin.userObject() instanceof CommonOptions) return mixin;
        }
        return null;
    }

    private static void inherit(CommandSpec above, CommandSpec mine, ParseResult level) {
        for (OptionSpec option : mine.options()) {
            OptionSpec outer = above.findOption(option.longestName());
            if (outer == null) continue;
            Object given = outer.getValue();
            if (!level.hasMatchedOption(option.longestName())) {
                option.setValue(given instanceof Collection<?> c ? new ArrayList<>(c) : given);
            } else if (given instanceof Collection<?> earlier && option.getValue() instanceof Collection<?> later) {
                List<Object> both = new ArrayList<>(earlier);
                both.addAll(later);
                option.setValue(both);
            }
        }
    }

    /**
     * These options as a mixin built in code ({@link Specs}); the options hold the parsed values,
     * which {@link #passDown} copies into this object's fields.
     */
    CommandSpec spec() {
        CommandSpec m = CommandSpec.wrapWithoutInspection(this);
        m.addOption(Specs.option(OptionSpec.builder("--root").paramLabel("<root>").type(String.class)
                .description("Target root directory (default: /)."), root));
        m.addOption(Specs.option(OptionSpec.builder("--store-dir").paramLabel("<storeDir>").type(String.class)
                .converters(new StoreDirConverter())
                .description("Logical store directory (default: /sysbuild/store); /nix/store gives Nix's paths."), storeDir));
        m.addOption(Specs.option(OptionSpec.builder("-I", "--include").paramLabel("<includes>")
                .type(List.class).auxiliaryTypes(String.class)
                .description("Add a search path entry (PATH or PREFIX=PATH)."), new ArrayList<String>()));
        m.addOption(Specs.flag("Show more, including stack traces of internal errors.", "-v", "--verbose"));
        m.addOption(Specs.flag("Show less.", "-q", "--quiet"));
        m.addOption(Specs.flag("Never colour output (also NO_COLOR).", "--no-color"));
        return m;
    }

    /** Refuses a store directory no store path could be in, as a usage error; a trailing slash is dropped. */
    static final class StoreDirConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return new StoreDir(value).path();
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
