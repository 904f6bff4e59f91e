package dev.sysbuild.generations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile lock holds across processes: a change waits while another process holds it. */
class ProfileLockTest {
    @TempDir
    Path root;

    /** Run in a second JVM: takes the profile lock, says so, and holds it until its standard input closes. */
    public static void main(String[] args) throws Exception {
        try (ProfileLock lock = ProfileLock.acquire(ProfileLayout.of(Path.of(args[0]), StoreDir.DEFAULT))) {
            System.out.println("holding");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    @Test
    void aChangeWaitsForAnotherProcessHoldingTheLock() throws Exception {
        LocalStore store = LocalStore.open(root, StoreDir.DEFAULT);
        StorePath t = new FakeToplevel(store, "h").etc("motd", "x").build();
        SystemProfile profile = new SystemProfile(ProfileLayout.of(root, StoreDir.DEFAULT), Clock.systemUTC(), CrashPoints.none());
        Process holder = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), ProfileLockTest.class.getName(), root.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).isEqualTo("holding");
            CompletableFuture<Optional<Generation>> add = CompletableFuture.supplyAsync(() -> {
                try {
                    return profile.addGeneration(t);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(500);
            assertThat(add).isNotDone();
            holder.getOutputStream().close();
            assertThat(add.get(30, TimeUnit.SECONDS)).isPresent();
        } finally {
            holder.destroy();
            holder.waitFor();
        }
    }
}
