package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Sizes in the store commands' output. */
class StoreSessionTest {
    @Test
    void mebibytesRoundAsPrintfDoes() {
        long[] edges = {0, 1, 5242, 5243, 10485, 10486, 131072, 393216, 1048575, 1048576, 1 << 30, 123456789012L};
        for (long b : edges) assertThat(StoreSession.mebibytes(b)).isEqualTo(expected(b));
        // Every eighth of a MiB is exactly halfway between two hundredths (0.125, 0.375, ...): rounded up.
        for (long j = 0; j < 64; j++) assertThat(StoreSession.mebibytes(j << 17)).isEqualTo(expected(j << 17));
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 10_000; i++) {
            long b = r.nextLong() >>> (20 + r.nextInt(24));
            assertThat(StoreSession.mebibytes(b)).isEqualTo(expected(b));
        }
    }

    private static String expected(long bytes) {
        return String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
