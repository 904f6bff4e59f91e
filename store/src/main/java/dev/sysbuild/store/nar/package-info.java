/**
 * NAR, the Nix ARchive: the canonical serialisation of a file, symlink or directory tree that
 * store paths and content hashes are computed over. {@link dev.sysbuild.store.nar.NarWriter}
 * produces exactly the bytes of {@code nix-store --dump} (Nix 2.8 {@code libutil/archive.cc}),
 * streaming; {@link dev.sysbuild.store.nar.NarReader} unpacks one, more strictly than Nix does;
 * {@link dev.sysbuild.store.nar.Nar} hashes trees.
 *
 * <p>File names are bytes to Nix and strings to Java. We convert with the platform's file-name
 * encoding ({@code sun.jnu.encoding}, UTF-8 on any sane Linux), which gives back the bytes on
 * disk for every name that is valid in that encoding. A name that is not cannot be archived
 * faithfully from Java, and is refused rather than guessed at.
 */
package dev.sysbuild.store.nar;
