/**
 * Building derivations into the local store. Builders receive a plain {@link
 * dev.sysbuild.store.build.BuildRequest} (builder, arguments, environment, output paths, input
 * closure), never the language: {@link dev.sysbuild.store.build.ProcessRunner} runs a program
 * (optionally inside a bubblewrap sandbox, {@link dev.sysbuild.store.build.Sandbox}), and
 * {@link dev.sysbuild.store.build.BuiltinBuilders} names the builders written in Java
 * ({@code builtin:fetchurl}, {@code builtin:buildenv}, {@code builtin:unpack},
 * {@code builtin:unpack-deb} for Debian packages with the merged-/usr layout,
 * {@code builtin:sysbuild-tree}). {@link dev.sysbuild.store.build.BuildScheduler} walks a
 * derivation graph, runs builds in dependency order with a bounded number at once, and registers
 * each build's outputs with {@link dev.sysbuild.store.local.LocalStore#registerValidPaths} while it
 * holds their path locks, so two processes never build the same output.
 */
package dev.sysbuild.store.build;
