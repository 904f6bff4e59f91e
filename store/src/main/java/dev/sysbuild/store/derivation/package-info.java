/**
 * Derivations: the model ({@link dev.sysbuild.store.derivation.Derivation}), its ATerm text (the
 * {@code .drv} file, byte for byte as Nix 2.8 writes it) and {@link
 * dev.sysbuild.store.derivation.DerivationHasher}, which computes output paths and {@code .drv}
 * paths ({@code hashDerivationModulo}) as Nix 2.8's {@code derivations.cc} does.
 *
 * <p>Strings in this package are <em>byte strings</em>: one char per byte, 0 to 255 (UTF-8 text
 * arrives as its UTF-8 bytes). That is how the evaluator holds Nix strings, it makes the ATerm
 * bytes exact, and it makes {@code String} order equal to Nix's unsigned-byte order. A char above
 * U+00FF is refused when the ATerm is written.
 */
package dev.sysbuild.store.derivation;
