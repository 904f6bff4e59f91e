package dev.sysbuild.generations.bench;

import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.FakeToplevel;
import dev.sysbuild.generations.ProfileLayout;
import dev.sysbuild.generations.SystemProfile;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Prepares a root with COUNT generations for bench/generations-bench.sh: each its own toplevel
 * (an /etc file, a few packages from a shared pool, a kernel), a day apart, so the listing reads
 * as many toplevels and closures as a long-lived machine has. Not a test.
 *
 * <p>{@code java -cp ... dev.sysbuild.generations.bench.ManyGenerations ROOT COUNT}
 */
public final class ManyGenerations {
    private ManyGenerations() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        LocalStore store = LocalStore.open(root, StoreDir.DEFAULT);
        ProfileLayout layout = ProfileLayout.of(root, StoreDir.DEFAULT);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 1; i <= count; i++) {
            FakeToplevel t = new FakeToplevel(store, "bench").etc("motd", "generation " + i + "\n")
                    .etc("hosts", "127.0.0.1 localhost\n").kernel("6.1." + (i / 50)).label("bench-" + i);
            for (int p = 0; p < 20; p++) t.pkg("pkg" + p + "-1." + ((i / 25 + p) % 7));
            StorePath top = t.build();
            SystemProfile profile = new SystemProfile(layout, Clock.fixed(start.plus(Duration.ofDays(i)), ZoneOffset.UTC),
                    CrashPoints.none());
            profile.addGeneration(top, Map.of());
            if (i == count) {
                profile.setBootDefault(i);
                profile.setCurrentSystem(top);
            }
        }
        System.out.println(count + " generations under " + root);
    }
}
