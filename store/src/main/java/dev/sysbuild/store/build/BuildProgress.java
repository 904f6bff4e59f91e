package dev.sysbuild.store.build;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a user sees while a scheduler runs. On a terminal one line is redrawn in place
 * ({@code built 12/40 · running: foo, bar · 3.1 s}); elsewhere (logs, pipes) each build that
 * starts is one plain line, as Nix prints them. Called from the scheduler's thread only.
 */
public abstract class BuildProgress implements AutoCloseable {
    /** How many builds this run needs; called once, before any start. */
    public abstract void planned(int builds);

    /** A build of {@code drv} (named {@code name}) has started. */
    public abstract void started(String drv, String name);

    /** A build has ended (or was found done by another process). */
    public abstract void finished(String drv, String name);

    @Override
    public abstract void close();

    /** Prints nothing. */
    public static BuildProgress silent() {
        return new BuildProgress() {
            @Override public void planned(int builds) {}
            @Override public void started(String drv, String name) {}
            @Override public void finished(String drv, String name) {}
            @Override public void close() {}
        };
    }

    /** One line per started build: {@code building '/sysbuild/store/...-foo.drv'...}. */
    public static BuildProgress plain(PrintStream err) {
        return new BuildProgress() {
            @Override public void planned(int builds) {}
            @Override public void started(String drv, String name) {
                write(err, "building '" + drv + "'...\n");
            }
            @Override public void finished(String drv, String name) {}
            @Override public void close() {}
        };
    }

    /** The line redrawn in place, about five times a second. */
    public static BuildProgress terminal(PrintStream err) {
        return new Terminal(err);
    }

    /** Progress text is Unicode; the streams carry byte strings, so the UTF-8 bytes go out as they are. */
    static void write(PrintStream err, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        err.write(b, 0, b.length);
        err.flush();
    }

    static final class Terminal extends BuildProgress {
        private final PrintStream err;
        private final long start = System.nanoTime();
        private final Set<String> running = new LinkedHashSet<>();
        private final ScheduledExecutorService ticker;
        private int total;
        private int built;

        Terminal(PrintStream err) {
            this.err = err;
            this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sysbuild-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, 200, 200, TimeUnit.MILLISECONDS);
        }

        @Override public synchronized void planned(int builds) {
            total = builds;
        }

        @Override public synchronized void started(String drv, String name) {
            running.add(name);
        }

        @Override public synchronized void finished(String drv, String name) {
            running.remove(name);
            built++;
        }

        private synchronized void draw() {
            write(err, "\r\033[K" + line());
        }

        synchronized String line() {
            StringBuilder sb = new StringBuilder("built ").append(built).append('/').append(total);
            if (!running.isEmpty()) {
                List<String> names = new ArrayList<>(running);
                sb.append(" · running: ").append(String.join(", ", names.subList(0, Math.min(3, names.size()))));
                if (names.size() > 3) sb.append(", +").append(names.size() - 3);
            }
            double secs = (System.nanoTime() - start) / 1e9;
            return sb.append(" · ").append(String.format("%.1f s", secs)).toString();
        }

        @Override public synchronized void close() {
            ticker.shutdownNow();
            if (total > 0) write(err, "\r\033[K" + line() + "\n");
        }
    }
}
