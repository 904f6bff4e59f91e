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

    /**
     * One entry. {@code sort-key} groups ours together and {@code version} (the generation number)
     * orders them newest first in systemd-boot's menu.
     */
    static String blsEntry(BootGeneration g, BootImage kernel, BootImage initrd, BootSettings settings) {
        StringBuilder sb = new StringBuilder();
        sb.append("title ").append(title(g, settings)).append('\n');
        sb.append("version ").append(g.number()).append('\n');
        sb.append("sort-key sysbuild\n");
        sb.append("linux ").append(kernel.bootPath()).append('\n');
        if (initrd != null) sb.append("initrd ").append(initrd.bootPath()).append('\n');
        sb.append("options ").append(String.join(" ", commandLine(g))).append('\n');
        return sb.toString();
    }

    /**
     * {@code loader.conf}. The default names the entry id, which systemd-boot compares without the
     * boot-counting suffix, so it keeps matching while {@code +3} counts down. A null timeout means
     * wait for a choice ({@code menu-force}).
     */
    static String loaderConf(int defaultGeneration, Integer timeout) {
        return HEADER
                + "timeout " + (timeout == null ? "menu-force" : timeout.toString()) + "\n"
                + "default " + EntryName.id(defaultGeneration) + "\n";
    }

    /** BLS values and GRUB titles are one line each; a newline in a label must not start a new key. */
    static String oneLine(String s) {
        return s.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }
}
