/**
 * Hashes as the store uses them: the four algorithms Nix knows ({@link
 * dev.sysbuild.store.hash.HashAlgo}), a {@link dev.sysbuild.store.hash.Hash} value with its
 * base-16, nix32, base-64 and SRI forms, and a {@link dev.sysbuild.store.hash.HashSink} that
 * digests a stream (a NAR, say) without holding it. The text forms and their parsing follow Nix
 * 2.8's {@code libutil/hash.cc}, so a hash printed here is accepted by Nix and the reverse.
 */
package dev.sysbuild.store.hash;
