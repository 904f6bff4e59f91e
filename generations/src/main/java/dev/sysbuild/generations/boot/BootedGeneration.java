package dev.sysbuild.generations.boot;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which generation the machine booted, for {@code sysbuild boot-ok}. On the machine itself
 * ({@code R} is {@code /}) the kernel command line says it exactly: the entry passed
 * {@code init=/sysbuild/var/profiles/system-N-link/init}. Under another root there is no kernel
 * command line of that system, so the generation {@code R/run/current-system} points at stands in.
 */
public final class BootedGeneration {
    private static final Pattern INIT = Pattern.compile("(?:^|\\s)init=/sysbuild/var/profiles/system-([1-9][0-9]{0,9})-link/init(?=\\s|$)");
    private static final Pattern LINK = Pattern.compile("system-([1-9][0-9]{0,9})-link");

    private BootedGeneration() {}

    /** From the booted root: the kernel command line for {@code /}, else {@code R/run/current-system}. */
    public static OptionalInt find(Path root, Path procCmdline) throws IOException {
        if (root.toAbsolutePath().normalize().getNameCount() == 0) {
            return Files.isReadable(procCmdline) ? fromCommandLine(Files.readString(procCmdline)) : OptionalInt.empty();
        }
        return fromCurrentSystem(root);
    }

    /** The generation whose {@code init=} a kernel command line holds (the last one, as the kernel uses the last). */
    public static OptionalInt fromCommandLine(String cmdline) {
        Matcher m = INIT.matcher(cmdline.strip());
        OptionalInt found = OptionalInt.empty();
        while (m.find()) found = parse(m.group(1));
        return found;
    }

    /**
     * The generation {@code R/run/current-system} is: a link to {@code system-N-link} names it;
     * a link to a toplevel matches the profile links to the same toplevel (the newest of them, as
     * only a revert makes two generations share one).
     */
    public static OptionalInt fromCurrentSystem(Path root) throws IOException {
        Path current = root.resolve("run/current-system");
        if (!Files.isSymbolicLink(current)) return OptionalInt.empty();
        Path target = Files.readSymbolicLink(current);
        Matcher direct = LINK.matcher(target.getFileName() == null ? "" : target.getFileName().toString());
        if (direct.matches()) return parse(direct.group(1));
        Path profiles = root.resolve("sysbuild/var/profiles");
        if (!Files.isDirectory(profiles)) return OptionalInt.empty();
        OptionalInt best = OptionalInt.empty();
        try (DirectoryStream<Path> links = Files.newDirectoryStream(profiles, "system-*-link")) {
            for (Path link : links) {
                Matcher m = LINK.matcher(link.getFileName().toString());
                if (!m.matches() || !Files.isSymbolicLink(link)) continue;
                if (!Files.readSymbolicLink(link).normalize().equals(target.normalize())) continue;
                OptionalInt n = parse(m.group(1));
                if (n.isPresent() && (best.isEmpty() || n.getAsInt() > best.getAsInt())) best = n;
            }
        }
        return best;
    }

    private static OptionalInt parse(String digits) {
        long n = Long.parseLong(digits);
        return n > Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of((int) n);
    }
}
