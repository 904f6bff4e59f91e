/**
 * Boot-loader entries for generations: BLS Type #1 entries and {@code loader.conf} for
 * systemd-boot, or a {@code grub.cfg}, written under {@code R/boot} from each generation's
 * {@code boot.json} (see {@code docs/toplevel-format.md} and {@code docs/boot.md}).
 *
 * <p>{@link dev.sysbuild.generations.boot.BootEntries} is the entry point: it takes the
 * generations to keep entries for ({@link dev.sysbuild.generations.boot.BootGeneration}), copies
 * their kernels and initrds onto the boot partition under content-derived names (the ESP is FAT:
 * no symlinks), writes the entries with atomic renames, and removes what no entry uses any more.
 * Boot counting ({@code sysbuild-N+3.conf}) lets a generation that never comes up fall back to
 * the previous one; {@link dev.sysbuild.generations.boot.BootEntries#markGood} ends the count.
 *
 * <p>Nothing here evaluates the language or decides which generations exist: the caller (profiles
 * and the CLI) hands in the list, the boot default and the generation that runs now.
 */
package dev.sysbuild.generations.boot;
