package dev.sysbuild.generations.boot;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code grub.cfg} when {@code boot.loader.type} is {@code "grub"}: the boot default first, then
 * a submenu with every kept generation, newest first. Images are the same copies systemd-boot
 * uses, under {@code /boot/sysbuild} on the root file system, or {@code /sysbuild} when
 * {@code /boot} is its own partition (the config looks which one exists, so it works either way).
 */
final class GrubConfig {
    /** One menu entry's material. */
    record Item(BootGeneration generation, BootImage kernel, BootImage initrd) {}

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./,:=+@%-]+");

    private GrubConfig() {}

    /** @param newestFirst the kept generations; the default must be among them */
    static String render(List<Item> newestFirst, int defaultGeneration, Integer timeout, BootSettings settings) {
        Item def = newestFirst.stream().filter(i -> i.generation().number() == defaultGeneration).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the default generation " + defaultGeneration + " has no entry"));
        StringBuilder sb = new StringBuilder(EntryText.HEADER);
        sb.append("set timeout=").append(timeout == null ? -1 : timeout).append('\n');
        sb.append("set default=sysbuild-default\n");
        sb.append("set sysbuild_images=/boot/sysbuild\n");
        sb.append("if [ ! -d /boot/sysbuild ]; then\n  set sysbuild_images=/sysbuild\nfi\n\n");
        entry(sb, def, "sysbuild-default", "", settings);
        sb.append("\nsubmenu ").append(quote("sysbuild: all generations")).append(" --id sysbuild-all {\n");
        for (Item i : newestFirst) entry(sb, i, "sysbuild-" + i.generation().number(), "  ", settings);
        sb.append("}\n");
        return sb.toString();
    }

    private static void entry(StringBuilder sb, Item i, String id, String indent, BootSettings settings) {
        sb.append(indent).append("menuentry ").append(quote(EntryText.title(i.generation(), settings)))
                .append(" --id ").append(id).append(" {\n");
        sb.append(indent).append("  linux ${sysbuild_images}/").append(i.kernel().name());
        for (String w : EntryText.commandLine(i.generation())) sb.append(' ').append(word(w));
        sb.append('\n');
        if (i.initrd() != null) sb.append(indent).append("  initrd ${sysbuild_images}/").append(i.initrd().name()).append('\n');
        sb.append(indent).append("}\n");
    }

    /** A kernel parameter as one GRUB word: as is when plain, else single-quoted. */
    static String word(String w) {
        return PLAIN_WORD.matcher(w).matches() ? w : quote(w);
    }

    /** Single quotes take everything literally in GRUB's shell-like script; a quote is closed, escaped, reopened. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
