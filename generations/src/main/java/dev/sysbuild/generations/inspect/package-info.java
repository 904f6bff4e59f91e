/**
 * Reading generations for people: the listing ({@code generations list}), diffs between two
 * generations (config commits, packages, {@code /etc} with unified diffs, users and groups, units,
 * closure size)
 * and the line diff they use. Nothing here changes the system.
 */
package dev.sysbuild.generations.inspect;
