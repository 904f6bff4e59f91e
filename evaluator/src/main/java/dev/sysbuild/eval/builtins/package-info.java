/**
 * The builtins, grouped by domain; {@link dev.sysbuild.eval.builtins.Builtins} assembles them into
 * the {@code builtins} set and the top-level names. Each group is a class with a
 * {@code register(Registry)} method.
 */
package dev.sysbuild.eval.builtins;
