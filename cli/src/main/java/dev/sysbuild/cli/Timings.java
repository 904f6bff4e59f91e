package dev.sysbuild.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the time of a building command goes, printed under {@code -v}: each {@link #mark} starts
 * a phase and ends the one before it, so the phases add up to the whole run. The first phase,
 * {@code start-up}, runs from the process's start (the JVM and the command line) to the first
 * mark. Activation's own steps arrive as marks too (its crash points, see SystemContext).
 */
final class Timings {
    private static final Timings OFF = new Timings(false);

    private final boolean on;
    private final List<String> names = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();

    private Timings(boolean on) {
        this.on = on;
        if (on) {
            // The JVM's own start time: the process start ProcessHandle reports is off by up to
            // a second in some VMs (it is derived from the boot time).
            long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            long sinceStart = Duration.between(Instant.ofEpochMilli(started), Instant.now()).toNanos();
            names.add("start-up");
            starts.add(System.nanoTime() - Math.max(0, sinceStart));
        }
    }

    /** Timings that are kept when {@code verbose}, else ones that cost nothing. */
    static Timings of(boolean verbose) {
        return verbose ? new Timings(true) : OFF;
    }

    /** Phase {@code name} begins now. */
    void mark(String name) {
        if (!on) return;
        synchronized (this) {
            names.add(name);
            starts.add(System.nanoTime());
        }
    }

    /** One line: every phase in milliseconds, and the total. */
    void print(PrintStream err) {
        if (!on) return;
        long now = System.nanoTime();
        StringBuilder b = new StringBuilder("timings (ms):");
        synchronized (this) {
            for (int i = 0; i < names.size(); i++) {
                long end = i + 1 < starts.size() ? starts.get(i + 1) : now;
                b.append(i == 0 ? " " : ", ").append(names.get(i)).append(' ').append((end - starts.get(i)) / 1_000_000);
            }
            b.append("; total ").append((now - starts.get(0)) / 1_000_000);
        }
        err.println(b);
    }
}
