package dev.sysbuild.cli;

import picocli.CommandLine;

/** The version shown by --version (from the jar manifest when there is one). */
public final class Version implements CommandLine.IVersionProvider {
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sysbuild " + current()};
    }
}
