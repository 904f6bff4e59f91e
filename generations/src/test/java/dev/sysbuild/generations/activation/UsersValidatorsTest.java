package dev.sysbuild.generations.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The users files activation writes are accepted by shadow-utils' own checkers ({@code pwck},
 * {@code grpck}, which chroot into the root: they need root and skip otherwise).
 */
class UsersValidatorsTest {
    @TempDir
    Path root;

    @Test
    void pwckAndGrpckAcceptTheGeneratedFiles() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/pwck")) && Files.isExecutable(Path.of("/usr/sbin/grpck")),
                "pwck/grpck (package passwd) are not installed");
        assumeTrue(OwnedFile.isRoot(), "pwck -R chroots, which needs root");
        ActivationFixture f = new ActivationFixture(root);
        Files.createDirectories(root.resolve("bin"));
        Files.writeString(root.resolve("bin/sh"), "#!/bin/sh\n");
        Files.setAttribute(root.resolve("bin/sh"), "unix:mode", 0755);
        Files.createDirectories(root.resolve("root"));
        Files.createDirectories(root.resolve("var/empty"));
        f.activator().activate(f.system().user("alice", null, true, "users", "/home/alice", true)
                .user("bob", 1200L, true, "users", "/home/bob", true)
                .user("sshd", null, false, "sshd", "/var/empty", false).group("sshd", null).group("audio", 63L).build());
        for (String tool : List.of("/usr/sbin/pwck", "/usr/sbin/grpck")) {
            Process p = new ProcessBuilder(tool, "-r", "-R", root.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(tool + ": " + out).isZero();
            assertThat(out).as(tool).isEmpty();
        }
    }
}
