/**
 * Store paths: what a {@link dev.sysbuild.store.path.StorePath} may be called, and how {@link
 * dev.sysbuild.store.path.StoreDir} computes one from a fingerprint ({@code text}, {@code source},
 * fixed {@code output:out} and derivation {@code output:<name>} paths), following Nix 2.8's
 * {@code store-api.cc} and {@code path.cc} so that, with the store directory {@code /nix/store},
 * every path equals the one Nix computes. {@link dev.sysbuild.store.path.PathImport} computes the
 * path a file-system path is imported to (reading it, writing nothing); everything else here is
 * pure computation.
 */
package dev.sysbuild.store.path;
