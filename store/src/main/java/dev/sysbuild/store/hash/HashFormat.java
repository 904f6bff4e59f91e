package dev.sysbuild.store.hash;

/** The text encodings of a hash. SRI is base-64 behind a {@code <algo>-} prefix. */
public enum HashFormat {
    /** Two lowercase hex digits per byte, first byte first. */
    BASE16,
    /** Nix's own base-32 (see {@link dev.sysbuild.store.NixBase32}); what store paths use. */
    NIX32,
    /** RFC 4648 base-64 with padding. */
    BASE64,
    /** {@code <algo>-<base64>}, as in Subresource Integrity and {@code nix hash to-sri}. */
    SRI
}
