/**
 * Generations of a system under a target root: the profile (numbered links to toplevel store
 * paths, the boot default, {@code /run/current-system}), what a toplevel holds for activation
 * (read from its JSON files, never by evaluating the language), and the interface boot-loader
 * writers implement. Activation itself is in {@code activation}, listing and diffs in
 * {@code inspect}.
 */
package dev.sysbuild.generations;
