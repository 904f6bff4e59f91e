package dev.sysbuild.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Pieces for picocli models built in code rather than read from annotations. Reading a
 * command's annotations is picocli's reflection path: the JDK makes a proxy class per annotation
 * type and method-handle classes for the accessors, none of which the class-data archive can hold,
 * and that was ~30 ms of a short command's start-up. Every command builds its model with these.
 */
final class Specs {
    private Specs() {}

    /**
     * A command named {@code name}, with the common options, and {@code -h/--help} and
     * {@code -V/--version} as picocli's {@code mixinStandardHelpOptions} gives (which reads an
     * annotated mixin).
     */
    static CommandSpec command(CommonOptions.Holder userObject, String name, String... description) {
        CommandSpec c = CommandSpec.wrapWithoutInspection(userObject).name(name).versionProvider(new Version());
        c.addMixin("common", userObject.common().spec());
        c.usageMessage().description(description);
        c.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        c.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return c;
    }

    /**
     * An option holding its own value (no getter or setter: binding fields means two lambdas per
     * option, and linking a lambda costs ~0.25 ms at start-up); the command reads it with
     * {@link #value}.
     */
    static OptionSpec option(OptionSpec.Builder b, Object initial) {
        return b.initialValue(initial).build();
    }

    /** A boolean option without a parameter, false unless given. */
    static OptionSpec flag(String description, String... names) {
        return option(OptionSpec.builder(names).type(boolean.class).arity("0").description(description), false);
    }

    /** The value of {@code c}'s option named {@code name} (after parsing). */
    @SuppressWarnings("unchecked")
    static <T> T value(CommandSpec c, String name) {
        return (T) c.findOption(name).getValue();
    }

    /** The values of {@code c}'s list option {@code name}, empty (and modifiable) when not given. */
    static <T> java.util.List<T> values(CommandSpec c, String name) {
        java.util.List<T> given = value(c, name);
        return given != null ? given : new java.util.ArrayList<>();
    }

    /** The values of {@code c}'s {@code i}th positional parameter, a list: empty when none was given. */
    static <T> java.util.List<T> positionals(CommandSpec c, int i) {
        java.util.List<T> given = positional(c, i);
        return given != null ? given : new java.util.ArrayList<>();
    }

    /** The value of {@code c}'s {@code i}th positional parameter (after parsing). */
    @SuppressWarnings("unchecked")
    static <T> T positional(CommandSpec c, int i) {
        return (T) c.positionalParameters().get(i).getValue();
    }
}
