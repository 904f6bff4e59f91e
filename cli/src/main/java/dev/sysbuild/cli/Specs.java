package dev.sysbuild.cli;

import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Pieces for picocli models built in code rather than read from annotations. Reading a
 * command's annotations is picocli's reflection path: the JDK makes a proxy class per annotation
 * type and method-handle classes for the accessors, none of which the class-data archive can hold,
 * and that was most of a short command's start-up. The commands on the paths measured for speed
 * build their models with these.
 */
final class Specs {
    private Specs() {}

    /**
     * A command named {@code name}, with {@code -h/--help} and {@code -V/--version} as picocli's
     * {@code mixinStandardHelpOptions} gives (which reads an annotated mixin).
     */
    static CommandSpec command(Object userObject, String name, String... description) {
        CommandSpec c = CommandSpec.wrapWithoutInspection(userObject).name(name).versionProvider(new Version());
        c.usageMessage().description(description);
        c.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        c.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
        return c;
    }

    /** An option bound to a field through {@code get} and {@code set}. */
    static <T> OptionSpec option(OptionSpec.Builder b, Supplier<T> get, Consumer<T> set) {
        Field<T> f = new Field<>(get, set);
        // picocli sets every option to its initial value before parsing: the field's own.
        return b.getter(f).setter(f).initialValue(get.get()).build();
    }

    /** A boolean option without a parameter. */
    static OptionSpec flag(String description, Supplier<Boolean> get, Consumer<Boolean> set, String... names) {
        return option(OptionSpec.builder(names).type(boolean.class).arity("0").description(description), get, set);
    }

    /** A positional parameter bound to a field. */
    static <T> PositionalParamSpec positional(PositionalParamSpec.Builder b, Supplier<T> get, Consumer<T> set) {
        Field<T> f = new Field<>(get, set);
        return b.getter(f).setter(f).initialValue(get.get()).build();
    }

    /** A command's field as picocli's getter and setter. */
    private static final class Field<T> implements IGetter, ISetter {
        private final Supplier<T> read;
        private final Consumer<T> write;

        Field(Supplier<T> read, Consumer<T> write) {
            this.read = read;
            this.write = write;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R get() {
            return (R) read.get();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <R> R set(R value) {
            R old = (R) read.get();
            write.accept((T) value);
            return old;
        }
    }
}
