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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sysbuild debian ...}: Debian's package universe as package sets. */
@Command(name = "debian", mixinStandardHelpOptions = true, subcommands = DebianCommand.Index.class,
        description = "Work with Debian package indexes.")
final class DebianCommand implements Runnable, CommonOptions.Holder {
    @ParentCommand
    SysbuildCommand parent;

    final CommonOptions common = new CommonOptions();

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "missing subcommand (try 'sysbuild debian index --help')");
    }

    /** {@code sysbuild debian index PACKAGES... > pkgs/debian.conf} */
    @Command(name = "index", mixinStandardHelpOptions = true,
            description = "Turn Debian Packages indexes (plain, .gz, .xz, .lz4) into a package-set file, printed on stdout.")
    static final class Index implements Callable<Integer>, CommonOptions.Holder {
        @ParentCommand
        DebianCommand debian;

        final CommonOptions common = new CommonOptions();

        @Override
        public CommonOptions common() {
            return common;
        }

        @Option(names = "--base-url", description = "The mirror the .deb file names are relative to: a URL, an absolute"
                + " directory, or a directory relative to where the package-set file will be (written as a path literal)."
                + " Default: the directory when one is given, else http://deb.debian.org/debian.")
        String baseUrl;

        @Option(names = "--closure-of", paramLabel = "PACKAGE", split = ",",
                description = "Keep only these packages and their dependency closure; a dependency nothing satisfies is then an error.")
        List<String> closureOf = new ArrayList<>();

        @Parameters(arity = "1..*", paramLabel = "PACKAGES_FILE", description = "Debian Packages indexes, or directories of .deb files (read as an index of them).")
        List<Path> files;

        @Override
        public Integer call() {
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
