package dev.sysbuild.generations.boot;

import java.util.List;

/**
 * What {@link BootEntries#write} did, for the command to report.
 *
 * @param written false when nothing on the boot partition was touched (the default generation
 *     has no kernel)
 * @param loaderType {@code "systemd-boot"} or {@code "grub"}: the boot default's choice
 * @param entries generations that have an entry now, newest first
 * @param withoutKernel generations that got no entry because their configuration has no kernel
 * @param overLimit generations left out by {@code configurationLimit}
 * @param prunedForSpace generations left out so the new images fit on the boot partition
 * @param imagesCopied image files copied onto the boot partition
 * @param imagesRemoved image files removed because no entry uses them any more
 * @param bytesNeeded bytes the new files needed
 */
public record BootResult(boolean written, String loaderType, int defaultGeneration, List<Integer> entries,
                         List<Integer> withoutKernel, List<Integer> overLimit, List<Integer> prunedForSpace,
                         List<String> imagesCopied, List<String> imagesRemoved, long bytesNeeded) {
    public BootResult {
        entries = List.copyOf(entries);
        withoutKernel = List.copyOf(withoutKernel);
        overLimit = List.copyOf(overLimit);
        prunedForSpace = List.copyOf(prunedForSpace);
        imagesCopied = List.copyOf(imagesCopied);
        imagesRemoved = List.copyOf(imagesRemoved);
    }

    /** Whether generation {@code n} was refused an entry for lack of a kernel ("no kernel: no boot entry written"). */
    public boolean hasNoKernel(int n) {
        return withoutKernel.contains(n);
    }
}
