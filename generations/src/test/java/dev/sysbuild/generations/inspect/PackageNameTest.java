package dev.sysbuild.generations.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PackageNameTest {
    @Test
    void theVersionStartsAtTheFirstDashNotFollowedByALetter() {
        assertThat(PackageName.ofStorePath("/sysbuild/store/0000000000000000000000000000000a-hello-2.12.1"))
                .isEqualTo(new PackageName("hello", "2.12.1"));
        assertThat(PackageName.parse("xorg-server-21.1.4")).isEqualTo(new PackageName("xorg-server", "21.1.4"));
        assertThat(PackageName.parse("openssh")).isEqualTo(new PackageName("openssh", ""));
        assertThat(PackageName.parse("font-x-1.0-unstable")).isEqualTo(new PackageName("font-x", "1.0-unstable"));
    }
}
