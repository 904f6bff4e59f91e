/**
 * Tests of the bundled OS modules ({@code <sysbuild/os>}): the examples' toplevels, the error
 * cases in {@code src/test/resources/os/}, unit files against systemd-analyze, and the
 * bundled version. Everything is evaluated with a compute-only store: nothing is built.
 */
package dev.sysbuild.eval.os;
