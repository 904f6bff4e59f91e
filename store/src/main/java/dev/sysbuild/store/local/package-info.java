/**
 * The local store under a target root R: store objects in {@code R/<store dir>}, the database of
 * valid paths in {@code R/sysbuild/var/db}, and the locks that let two sysbuild processes share
 * them.
 *
 * <p>The database is files, one per valid path ({@code db/info/<hash part>}), because registering
 * a path must not rewrite anything that grows with the store: at 100,000 paths, one small atomic
 * write per registration and one file read per validity check stay cheap. Each write goes through
 * {@link dev.sysbuild.store.local.AtomicFile}; the rename of a path's info file is the one commit
 * point that makes the path valid. Everything before it (a temporary copy, a moved-in but
 * unregistered directory, a half-written {@code .tmp-} file) is garbage that
 * {@link dev.sysbuild.store.local.LocalStore#deleteInvalidPaths()} removes, never a valid half
 * path. Added trees are registered before their contents are forced to disk, with a durable record
 * that the next opening of the store settles ({@code PendingSyncs}): a sync while the machine has
 * not gone down since, else a check of the recorded paths that unregisters what a crash lost.
 *
 * <p>{@link dev.sysbuild.store.local.LocalStore} is the one public entry point and stays a thin
 * facade, so its contracts can be read in one place; the work is in package-private classes:
 * {@code PathRegistry} (validity, path locks, staging directories, the move into place and the
 * commit), {@code PathAdder} (the adds), {@code OutputRegistrar} (outputs a builder produced in
 * place), {@code OutputRebuild} (repair by rebuilding), and the collection, sweep, verification
 * and optimisation classes the facade calls under the global lock.
 */
package dev.sysbuild.store.local;
