/** Set-up for the benchmarks in {@code bench/}: not tests. */
package dev.sysbuild.generations.bench;
