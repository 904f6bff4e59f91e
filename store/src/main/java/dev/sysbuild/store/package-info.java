/**
 * The store: store paths, the hash encodings they are built from, derivations, NAR, and the local
 * store. Depends on no other sysbuild module.
 */
package dev.sysbuild.store;
