package dev.sysbuild.generations.boot;

import static dev.sysbuild.generations.boot.BootFixture.gen;
import static dev.sysbuild.generations.boot.BootFixture.systemdBoot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd's own parser ({@code bootctl list}, systemd 252) reads what we wrote: no warnings, no
 * missing files, the default where we put it, boot counting as we meant it. bootctl insists on a
 * mount point, so R/boot is bind-mounted onto itself in a private mount namespace (nothing leaks
 * to the host); that needs root. Skipped, saying why, where bootctl or unshare is missing.
 */
class BootctlTest {
    @TempDir
    Path root;
    BootFixture f;

    @BeforeEach
    void needsBootctl() {
        assumeTrue(Tools.find("bootctl").isPresent(), "bootctl is not installed (apt-get install systemd-boot; see .ci/install-validators)");
        assumeTrue(Tools.find("unshare").isPresent(), "unshare is not installed (util-linux)");
        assumeTrue(Tools.isRoot(), "bootctl list needs a bind mount in a private mount namespace, which needs root");
        f = new BootFixture(root);
    }

    /** One entry as bootctl prints it. */
    record Listed(String title, String id, String source, String tries, boolean isDefault) {}

    static List<Listed> bootctlList(Path esp) throws Exception {
        Tools.Run r = Tools.run(List.of("unshare", "-m", "sh", "-c",
                "mount --bind \"$1\" \"$1\" && exec bootctl --no-pager --esp-path=\"$1\" --boot-path=\"$1\" list", "sh", esp.toString()),
                Map.of("SYSTEMD_RELAX_ESP_CHECKS", "1"), 60);
        assumeTrue(!r.err().contains("Operation not permitted"), "no permission for a private mount namespace: " + r.err());
        assertThat(r.exit()).as("bootctl exit; stderr: %s", r.err()).isZero();
        assertThat(r.err()).as("bootctl warnings").isEmpty();
        assertThat(r.out()).doesNotContain("No such file or directory");
        List<Listed> out = new ArrayList<>();
        for (String block : r.out().split("\n\\s*\n")) {
            String title = field(block, "title");
            if (title == null) continue;
            out.add(new Listed(title.replace(" (default)", "").replaceAll(" \\(not reported/new\\)", ""), field(block, "id"),
                    field(block, "source"), field(block, "tries"), title.contains("(default)")));
        }
        return out;
    }

    private static String field(String block, String key) {
        Matcher m = Pattern.compile("^\\s*" + key + ": (.*)$", Pattern.MULTILINE).matcher(block);
        return m.find() ? m.group(1).trim() : null;
    }

    @Test
    void bootctlListsOurEntriesWithTheNewGenerationAsDefault() throws Exception {
        String k = f.kernel("kernel");
        String i = f.initrd("initrd");
        List<BootGeneration> gens = BootFixture.list(gen(1, k, i, systemdBoot(5, null), "console=ttyS0"),
                gen(2, k, i, systemdBoot(5, null), "console=ttyS0"));
        f.write(gens, 2);
        List<Listed> listed = bootctlList(root.resolve("boot"));
        assertThat(listed).extracting(Listed::id).containsExactly("sysbuild-2.conf", "sysbuild-1.conf");
        assertThat(listed.get(0).isDefault()).isTrue();
        assertThat(listed.get(0).tries()).isEqualTo("3 left");
        assertThat(listed.get(0).title()).isEqualTo("sysbuild generation 2 (2026-11-26 10:00, 25.11-sysbuild)");

        // A new generation becomes the default; an older default that systemd-boot counted keeps its count.
        Files.move(f.boot("loader/entries/sysbuild-2+3.conf"), f.boot("loader/entries/sysbuild-2+2-1.conf"));
        gens.add(gen(3, k, i, systemdBoot(5, null), "console=ttyS0"));
        f.write(gens, 3);
        listed = bootctlList(root.resolve("boot"));
        assertThat(listed).extracting(Listed::id).containsExactly("sysbuild-3.conf", "sysbuild-2.conf", "sysbuild-1.conf");
        assertThat(listed).filteredOn(Listed::isDefault).extracting(Listed::id).containsExactly("sysbuild-3.conf");
        assertThat(listed.get(1).tries()).isEqualTo("2 left; 1 done");
    }

    @Test
    void anOlderDefaultIsTheDefaultWhileItsCountRuns() throws Exception {
        String k = f.kernel("kernel");
        List<BootGeneration> gens = BootFixture.list(gen(1, k, null, systemdBoot(5, null)), gen(2, k, null, systemdBoot(5, null)));
        f.write(gens, 1);
        Files.move(f.boot("loader/entries/sysbuild-1+3.conf"), f.boot("loader/entries/sysbuild-1+1-2.conf"));
        List<Listed> listed = bootctlList(root.resolve("boot"));
        // 2 is newer than the default, so it is listed after it.
        assertThat(listed).extracting(Listed::id).containsExactly("sysbuild-1.conf", "sysbuild-2.conf");
        assertThat(listed).filteredOn(Listed::isDefault).extracting(Listed::id).containsExactly("sysbuild-1.conf");

        BootEntries.markGood(root, 1);
        listed = bootctlList(root.resolve("boot"));
        Listed one = listed.stream().filter(l -> l.id().equals("sysbuild-1.conf")).findFirst().orElseThrow();
        assertThat(one.isDefault()).isTrue();
        assertThat(one.tries()).isNull();
        assertThat(one.source()).endsWith("/sysbuild-1.conf");
    }

    @Test
    void aSpentDefaultSortsLastSoThePreviousGenerationBecomesTheDefault() throws Exception {
        String k = f.kernel("kernel");
        f.write(BootFixture.list(gen(1, k, null, systemdBoot(5, null)), gen(2, k, null, systemdBoot(5, null))), 2);
        BootEntries.markGood(root, 1);
        Files.move(f.boot("loader/entries/sysbuild-2+3.conf"), f.boot("loader/entries/sysbuild-2+0-3.conf"));
        List<Listed> listed = bootctlList(root.resolve("boot"));
        assertThat(listed).extracting(Listed::id).containsExactly("sysbuild-1.conf", "sysbuild-2.conf");
        assertThat(listed.get(1).tries()).isEqualTo("0 left; 3 done");
        assertThat(listed).filteredOn(Listed::isDefault).extracting(Listed::id).containsExactly("sysbuild-1.conf");
    }
}
