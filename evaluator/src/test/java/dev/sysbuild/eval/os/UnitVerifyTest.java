package dev.sysbuild.eval.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where systemd-analyze is installed, it accepts the unit files of examples/server. They are
 * written into a temporary root (never the real /) with an executable stand-in at every
 * absolute program path they run, since nothing is built here; systemd-analyze's root mode
 * then checks the files' syntax, values and programs inside that root.
 */
class UnitVerifyTest {
    private static final Pattern PROGRAM = Pattern.compile("^Exec[A-Za-z]*=[-@:+!]*(/[^ \\n]+)", Pattern.MULTILINE);

    @TempDir
    Path cache;

    @TempDir
    Path root;

    @Test
    void systemdAnalyzeAcceptsTheServerUnits() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
        Path conf = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("examples/server/system.conf");
        OsEvaluation server = OsEvaluation.of(conf, cache);
        Path unitDir = Files.createDirectories(root.resolve("etc/systemd/system"));
        List<String> names = new ArrayList<>();
        for (Map<String, Object> u : server.entries("units")) {
            String name = (String) u.get("path");
            String text = (String) u.get("text");
            Files.writeString(unitDir.resolve(name), text, StandardCharsets.UTF_8);
            names.add(name);
            Matcher m = PROGRAM.matcher(text);
            while (m.find()) standIn(m.group(1));
        }
        List<String> cmd = new ArrayList<>(List.of(analyze.toString(), "verify", "--man=no", "--recursive-errors=no", "--root=" + root));
        cmd.addAll(names);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // Unknown keys and bad values are only warnings (exit 0), so the output must be empty too.
        assertThat(output).as("systemd-analyze verify output").isEmpty();
        assertThat(p.exitValue()).isZero();
        assertThat(names).contains("sshd.service", "webpage.service", "backup.service", "backup.timer");
    }

    private void standIn(String program) throws IOException {
        Path file = root.resolve(program.substring(1));
        if (Files.exists(file)) return;
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
