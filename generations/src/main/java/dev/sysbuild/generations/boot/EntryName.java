package dev.sysbuild.generations.boot;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file name of a sysbuild BLS entry: {@code sysbuild-N.conf}, or with the boot-counting
 * suffix of the Boot Loader Specification, {@code sysbuild-N+LEFT.conf} or
 * {@code sysbuild-N+LEFT-DONE.conf}. systemd-boot decrements LEFT (and counts DONE) by renaming
 * the file before it boots the entry; the entry id, which {@code loader.conf}'s {@code default}
 * names, is the name without the suffix, so it stays the same while the count runs.
 *
 * @param tries null when the entry is not being counted (it was marked good, or counting is off)
 */
public record EntryName(int generation, Tries tries) {
    /** The counter: tries left, tries done. */
    public record Tries(int left, int done) {}

    private static final Pattern NAME = Pattern.compile("sysbuild-([1-9][0-9]{0,9})(?:\\+([0-9]{1,9})(?:-([0-9]{1,9}))?)?\\.conf");

    /** A counted entry with {@code left} tries and none done, or an uncounted one when {@code left} is 0. */
    public static EntryName fresh(int generation, int left) {
        return new EntryName(generation, left > 0 ? new Tries(left, 0) : null);
    }

    /** The name of one of our entries, or empty for any other file in {@code loader/entries}. */
    public static Optional<EntryName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) return Optional.empty();
        long n = Long.parseLong(m.group(1));
        if (n > Integer.MAX_VALUE) return Optional.empty();
        Tries tries = m.group(2) == null ? null
                : new Tries(Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        return Optional.of(new EntryName((int) n, tries));
    }

    /** The entry id: what {@code loader.conf}'s {@code default} and {@code bootctl} call the entry. */
    public static String id(int generation) {
        return "sysbuild-" + generation + ".conf";
    }

    public String id() {
        return id(generation);
    }

    public boolean counted() {
        return tries != null;
    }

    /** The file name, with the counter as the spec writes it ({@code -DONE} only once a try was used). */
    public String fileName() {
        if (tries == null) return id();
        return "sysbuild-" + generation + "+" + tries.left + (tries.done > 0 ? "-" + tries.done : "") + ".conf";
    }

    /** The same entry marked good: no counter, so the boot loader neither counts nor demotes it. */
    public EntryName good() {
        return new EntryName(generation, null);
    }
}
