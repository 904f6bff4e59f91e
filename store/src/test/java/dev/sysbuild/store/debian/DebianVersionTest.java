package dev.sysbuild.store.debian;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DebianVersionTest {
    /** Orderings as `dpkg --compare-versions A lt B` gives them. */
    @ParameterizedTest
    @CsvSource({
        "1.0~rc1, 1.0", "1.0, 1.0a", "1.2.9, 1.2.10", "2.0, 1:0.1", "2.36-9, 2.36-9+deb12u1",
        "1.0~~, 1.0~", "0.9, 1.0-1", "1.0-1, 1.0-2", "7.88.1-10, 7.88.1-10+deb12u5", "a, b", "1.0, 1.0+b1",
    })
    void olderSortsFirst(String older, String newer) {
        assertThat(DebianVersion.compare(older, newer)).isNegative();
        assertThat(DebianVersion.compare(newer, older)).isPositive();
    }

    @ParameterizedTest
    @CsvSource({"1.0, 1.0", "0:1.0, 1.0", "1.01, 1.1", "1.0-0, 1.0-00"})
    void equalVersions(String a, String b) {
        assertThat(DebianVersion.compare(a, b)).isZero();
    }
}
