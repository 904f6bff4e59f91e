package dev.sysbuild.generations.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Boot Loader Specification's boot-counting names, as systemd-boot reads and renames them. */
class EntryNameTest {
    @Test
    void namesRoundTrip() {
        for (String name : new String[] {"sysbuild-5.conf", "sysbuild-5+3.conf", "sysbuild-5+2-1.conf", "sysbuild-12+0-3.conf"}) {
            assertThat(EntryName.parse(name)).get().extracting(EntryName::fileName).isEqualTo(name);
        }
    }

    @Test
    void theIdDropsTheCounter() {
        EntryName e = EntryName.parse("sysbuild-5+2-1.conf").orElseThrow();
        assertThat(e.id()).isEqualTo("sysbuild-5.conf");
        assertThat(e.tries()).isEqualTo(new EntryName.Tries(2, 1));
        assertThat(e.good().fileName()).isEqualTo("sysbuild-5.conf");
    }

    @Test
    void freshEntriesGetTheTriesOrNoCounter() {
        assertThat(EntryName.fresh(4, 3).fileName()).isEqualTo("sysbuild-4+3.conf");
        assertThat(EntryName.fresh(4, 0).fileName()).isEqualTo("sysbuild-4.conf");
    }

    @Test
    void otherFilesAreNotOurs() {
        for (String name : new String[] {"debian.conf", "sysbuild-05.conf", "sysbuild-5.conf.tmp-0011", "sysbuild-5+.conf",
                "sysbuild-5+1-.conf", "sysbuild-.conf", "sysbuild-99999999999.conf", "sysbuild-5+3.CONF"}) {
            assertThat(EntryName.parse(name)).as(name).isEmpty();
        }
    }
}
