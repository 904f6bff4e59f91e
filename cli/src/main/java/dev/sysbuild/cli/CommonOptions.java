package dev.sysbuild.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command accepts, before or after the command name. */
public final class CommonOptions {
    @Option(names = "--root", description = "Target root directory (default: /).", scope = picocli.CommandLine.ScopeType.INHERIT)
    String root = "/";

    @Option(names = "--store-dir", description = "Logical store directory (default: /sysbuild/store).")
    String storeDir = "/sysbuild/store";

    @Option(names = {"-I", "--include"}, description = "Add a search path entry (PATH or PREFIX=PATH).")
    List<String> includes = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Show more, including stack traces of internal errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Show less.")
    boolean quiet;

    @Option(names = "--no-color", description = "Never colour output (also NO_COLOR).")
    boolean noColor;
}
