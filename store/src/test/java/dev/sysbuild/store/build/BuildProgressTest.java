package dev.sysbuild.store.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuildProgressTest {
    @Test
    void theTerminalLineCountsBuildsAndNamesTheRunningOnes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BuildProgress.Terminal t = (BuildProgress.Terminal) BuildProgress.terminal(
                new PrintStream(bytes, true, StandardCharsets.ISO_8859_1));
        t.planned(40);
        for (String n : new String[] {"a", "foo", "bar", "baz", "qux"}) t.started("/d/" + n, n);
        t.finished("/d/a", "a");

        assertThat(t.line()).matches("built 1/40 · running: foo, bar, baz, \\+1 · \\d+\\.\\d s");

        t.close();
        // The streams carry bytes: the middle dot arrives as its UTF-8 encoding.
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\r\033[Kbuilt 1/40 · running").endsWith(" s\n");
    }

    @Test
    void plainProgressPrintsOneLinePerBuild() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BuildProgress p = BuildProgress.plain(new PrintStream(bytes, true, StandardCharsets.ISO_8859_1));
        p.planned(1);
        p.started("/sysbuild/store/x-a.drv", "a");
        p.finished("/sysbuild/store/x-a.drv", "a");
        p.close();

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("building '/sysbuild/store/x-a.drv'...\n");
    }
}
