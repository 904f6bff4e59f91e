package dev.sysbuild.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathLockTest {
    @TempDir
    Path tmp;

    @Test
    void aHeldLockCannotBeTakenAgainUntilClosed() throws IOException {
        Path file = tmp.resolve("locks/x.lock");
        try (PathLock first = PathLock.tryAcquire(file).orElseThrow()) {
            assertThat(PathLock.tryAcquire(file)).isEmpty();
            assertThat(PathLock.tryAcquire(file)).isEmpty();
        }
        Optional<PathLock> again = PathLock.tryAcquire(file);
        assertThat(again).isPresent();
        again.get().close();
    }

    @Test
    void aDeletedLockFileIsMadeAgainAndAMarkedOneLeftByACrashIsTakenOver() throws IOException {
        Path file = tmp.resolve("locks/z.lock");
        try (PathLock held = PathLock.tryAcquire(file).orElseThrow()) {
            held.deleteFile();
            assertThat(file).doesNotExist();
        }
        try (PathLock again = PathLock.tryAcquire(file).orElseThrow()) {
            assertThat(file).exists().isEmptyFile();
        }
        // A holder that died between marking the file and unlinking it: the name still has the marked file.
        java.nio.file.Files.writeString(file, "d");
        try (PathLock taken = PathLock.tryAcquire(file).orElseThrow()) {
            assertThat(file).isEmptyFile();
            assertThat(PathLock.tryAcquire(file)).isEmpty();
        }
    }

    @Test
    void acquireGivesUpAfterTheTimeoutWithAMessage() throws IOException {
        Path file = tmp.resolve("y.lock");
        try (PathLock held = PathLock.acquire(file, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> PathLock.acquire(file, Duration.ofMillis(100)))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("y.lock' is still locked");
        }
    }

    @Test
    void acquireWaitsForTheHolderToLetGo() throws Exception {
        Path file = tmp.resolve("z.lock");
        PathLock held = PathLock.acquire(file, Duration.ofSeconds(1));
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
                held.close();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        releaser.start();
        try (PathLock mine = PathLock.acquire(file, Duration.ofSeconds(10))) {
            assertThat(mine.file()).isEqualTo(file.toAbsolutePath());
        }
        releaser.join();
    }

    @Test
    void aLockHeldByAnotherProcessKeepsThisOneOut() throws Exception {
        Path file = tmp.resolve("p.lock");
        Process other = StoreProcess.start("lock", file.toString());
        try {
            assertThat(StoreProcess.firstLine(other)).isEqualTo("locked");
            assertThat(PathLock.tryAcquire(file)).isEmpty();
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (PathLock mine = PathLock.tryAcquire(file).orElseThrow()) {
            assertThat(mine.file()).isEqualTo(file.toAbsolutePath());
        }
    }
}
