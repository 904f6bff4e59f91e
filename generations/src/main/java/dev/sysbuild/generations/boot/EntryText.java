package dev.sysbuild.generations.boot;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of the files sysbuild writes for the boot loader: a BLS Type #1 entry per generation
 * and {@code loader.conf} for systemd-boot. Same inputs, same bytes: unchanged entries are then
 * left alone on disk (no rewrite, no lost boot-counting state).
 */
final class EntryText {
    static final String HEADER = "# Written by sysbuild; changes here are overwritten by the next switch or boot.\n";
    private static final DateTimeFormatter TITLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private EntryText() {}

    /** What a boot menu shows for a generation: "sysbuild generation 5 (2026-11-26 08:00, 25.11-sysbuild)". */
    static String title(BootGeneration g, BootSettings settings) {
        return "sysbuild generation " + g.number() + " (" + TITLE_TIME.format(g.created().atZone(settings.zone()))
                + ", " + oneLine(g.spec().label()) + ")";
    }

    /** The kernel command line: the generation's init first, then boot.kernelParams in their order. */
    static List<String> commandLine(BootGeneration g) {
        List<String> words = new ArrayList<>();
        words.add("init=" + g.initPath());
        for (String p : g.spec().kernelParams()) words.add(oneLine(p));
        return words;
    }

    /** The sort key of the boot default and the generations before it: they come first. */
    static final String SORT_KEY = "sysbuild";
    /** The sort key of generations newer than the boot default (after a rollback): they come after. */
    static final String SORT_KEY_NEWER = "sysbuild-newer";
    /** {@code loader.conf}'s default: the first of our entries in the boot loader's order. */
    static final String DEFAULT_PATTERN = "sysbuild-*";

    /**
     * One entry. systemd-boot orders entries with no tries left last, then by {@code sort-key},
     * then by {@code version} (here the generation number), newest first. Giving generations newer
     * than the boot default a sort key that sorts later puts the default first among the entries
     * that still may boot, so {@link #DEFAULT_PATTERN} picks it, and picks the generation before it
     * once its tries are spent.
     */
    static String blsEntry(BootGeneration g, BootImage kernel, BootImage initrd, boolean newerThanDefault, BootSettings settings) {
        StringBuilder sb = new StringBuilder();
        sb.append("title ").append(title(g, settings)).append('\n');
        sb.append("version ").append(g.number()).append('\n');
        sb.append("sort-key ").append(newerThanDefault ? SORT_KEY_NEWER : SORT_KEY).append('\n');
        sb.append("linux ").append(kernel.bootPath()).append('\n');
        if (initrd != null) sb.append("initrd ").append(initrd.bootPath()).append('\n');
        sb.append("options ").append(String.join(" ", commandLine(g))).append('\n');
        return sb.toString();
    }

    /**
     * {@code loader.conf}. The default is a pattern, not {@code sysbuild-N.conf}: systemd-boot 252
     * keeps the boot-counting suffix in the entry id ({@code sysbuild-N+3.conf}), so that name would
     * match nothing, and a named default would be booted even with its tries spent; the entries'
     * sort keys say which one is the default instead (see {@link #blsEntry}). A null timeout
     * means wait for a choice ({@code menu-force}).
     */
    static String loaderConf(Integer timeout) {
        return HEADER
                + "timeout " + (timeout == null ? "menu-force" : timeout.toString()) + "\n"
                + "default " + DEFAULT_PATTERN + "\n";
    }

    /** BLS values and GRUB titles are one line each; a newline in a label must not start a new key. */
    static String oneLine(String s) {
        return s.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }
}
