package dev.sysbuild.cli;

import dev.sysbuild.store.debian.DebArchive;
import dev.sysbuild.store.debian.DebPackage;
import dev.sysbuild.store.debian.DependencyResolver;
import dev.sysbuild.store.debian.PackageSetWriter;
import dev.sysbuild.store.debian.PackagesIndex;
import dev.sysbuild.store.hash.HashAlgo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code sysbuild debian ...}: Debian's package universe as package sets. */
final class DebianCommand implements Runnable, CommonOptions.Holder {
    final SysbuildCommand parent;
    final CommandSpec spec;

    final CommonOptions common = new CommonOptions();

    /** The command and its one subcommand; the model is built in code ({@link Specs} says why). */
    DebianCommand(SysbuildCommand parent) {
        this.parent = parent;
        spec = Specs.command(this, "debian", "Work with Debian package indexes.");
        spec.addSubcommand("index", new picocli.CommandLine(new Index(this).spec()));
    }

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try 'sysbuild debian index --help')");
    }

    /** {@code sysbuild debian index PACKAGES... > pkgs/debian.conf} */
    static final class Index implements Callable<Integer>, CommonOptions.Holder {
        final DebianCommand debian;

        private CommandSpec spec;

        final CommonOptions common = new CommonOptions();

        Index(DebianCommand debian) {
            this.debian = debian;
        }

        CommandSpec spec() {
            CommandSpec c = Specs.command(this, "index",
                    "Turn Debian Packages indexes (plain, .gz, .xz, .lz4) into a package-set file, printed on stdout.");
            c.addOption(Specs.option(OptionSpec.builder("--base-url").paramLabel("<baseUrl>").type(String.class)
                    .description("The mirror the .deb file names are relative to: a URL, an absolute"
                            + " directory, or a directory relative to where the package-set file will be (written as a path literal)."
                            + " Default: the directory when one is given, else http://deb.debian.org/debian."), null));
            c.addOption(Specs.option(OptionSpec.builder("--closure-of").paramLabel("PACKAGE").splitRegex(",").type(List.class)
                    .auxiliaryTypes(String.class)
                    .description("Keep only these packages and their dependency closure; a dependency nothing satisfies is then an error."),
                    null));
            c.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).paramLabel("PACKAGES_FILE").type(List.class)
                    .auxiliaryTypes(Path.class)
                    .description("Debian Packages indexes, or directories of .deb files (read as an index of them).").build());
            spec = c;
            return c;
        }

        @Override
        public CommonOptions common() {
            return common;
        }

        String baseUrl;

        List<String> closureOf = new ArrayList<>();

        List<Path> files;

        @Override
        public Integer call() {
            baseUrl = Specs.value(spec, "--base-url");
            closureOf = Specs.values(spec, "--closure-of");
            files = Specs.positional(spec, 0);
            var err = debian.parent.err;
            List<DebPackage> all = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            try {
                for (Path f : files) {
                    if (Files.isDirectory(f)) {
                        List<DebPackage> debs = DebArchive.scan(f);
                        all.addAll(debs);
                        sources.add(f.getFileName() + "/ (" + debs.size() + " .deb files)");
                        if (baseUrl == null) baseUrl = f.toAbsolutePath().normalize().toString();
                        continue;
                    }
                    all.addAll(PackagesIndex.read(f));
                    String digest = HashAlgo.SHA256.hash(Files.readAllBytes(f)).toBase16();
                    sources.add(f.getFileName() + " (sha256 " + digest + ")");
                }
            } catch (NoSuchFileException e) {
                err.println("error: no such index file: " + e.getFile());
                return 1;
            } catch (IOException | IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
            if (baseUrl == null) baseUrl = "http://deb.debian.org/debian";
            DependencyResolver everything = new DependencyResolver(all);
            DependencyResolver universe = everything;
            if (!closureOf.isEmpty()) {
                try {
                    List<String> keep = everything.closure(closureOf);
                    universe = new DependencyResolver(keep.stream().map(everything.packages()::get).toList());
                } catch (DependencyResolver.UnresolvedDependencyException e) {
                    err.println("error: " + e.getMessage());
                    return 1;
                }
            }
            byte[] text = PackageSetWriter.write(universe, sources, baseUrl).getBytes(StandardCharsets.UTF_8);
            debian.parent.out.write(text, 0, text.length);
            debian.parent.out.flush();
            DependencyResolver written = universe;
            long broken = written.packages().values().stream().filter(p -> !written.resolve(p).missing().isEmpty()).count();
            if (broken > 0) {
                err.println("warning: " + broken + " of " + written.packages().size()
                        + " packages have dependencies nothing in these indexes satisfies (see their 'missing')");
            }
            return 0;
        }
    }
}
