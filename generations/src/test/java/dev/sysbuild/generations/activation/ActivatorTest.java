package dev.sysbuild.generations.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.generations.Links;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivatorTest {
    @TempDir
    Path root;
    ActivationFixture f;

    @BeforeEach
    void setUp() throws IOException {
        f = new ActivationFixture(root);
    }

    @Test
    void firstActivationLinksEtcThroughStaticAndPointsCurrentSystemAtTheToplevel() throws Exception {
        StorePath t = f.system().etc("hostname", "box\n").etc("ssh/sshd_config", "Port 22\n").build();
        f.activator().activate(t);
        assertThat(Files.readSymbolicLink(f.etc("static")).toString()).isEqualTo(f.logical(t) + "/etc");
        assertThat(Files.readSymbolicLink(f.etc("hostname")).toString()).isEqualTo("/etc/static/hostname");
        assertThat(Files.isDirectory(f.etc("ssh"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(f.read("/etc/hostname")).isEqualTo("box\n");
        assertThat(f.read("/etc/ssh/sshd_config")).isEqualTo("Port 22\n");
        assertThat(Files.readSymbolicLink(root.resolve("run/current-system")).toString()).isEqualTo(f.logical(t));
        assertThat(root.resolve("sysbuild/var/activation/in-progress.json")).doesNotExist();
    }

    @Test
    void aSecondGenerationRemovesWhatOnlyTheFirstManagedAndChangesContentThroughStatic() throws Exception {
        f.activator().activate(f.system().etc("hostname", "a\n").etc("old.conf", "x\n").build());
        f.activator().activate(f.system().etc("hostname", "b\n").etc("new.conf", "y\n").build());
        assertThat(f.read("/etc/hostname")).isEqualTo("b\n");
        assertThat(Links.exists(f.etc("old.conf"))).isFalse();
        assertThat(f.read("/etc/new.conf")).isEqualTo("y\n");
    }

    @Test
    void aUserFileWhereAManagedEntryGoesIsMovedAsideWithAWarningAndAUserFileElsewhereIsLeftAlone() throws Exception {
        Files.createDirectories(f.etc(""));
        Files.writeString(f.etc("motd"), "mine\n");
        Files.writeString(f.etc("unrelated"), "keep\n");
        f.activator().activate(f.system().etc("motd", "managed\n").build());
        assertThat(f.read("/etc/motd")).isEqualTo("managed\n");
        assertThat(f.etc("motd.sysbuild-backup")).hasContent("mine\n");
        assertThat(f.etc("unrelated")).hasContent("keep\n");
        assertThat(f.log).anyMatch(l -> l.startsWith("warning: /etc/motd was not made by sysbuild; moved it to /etc/motd.sysbuild-backup"));
        // A generation that no longer manages it removes only its own link.
        f.activator().activate(f.system().build());
        assertThat(Links.exists(f.etc("motd"))).isFalse();
        assertThat(f.etc("motd.sysbuild-backup")).hasContent("mine\n");
    }

    @Test
    void entriesWithAModeAreCopiedWithOwnerAndModeAndAnEditedCopyIsNotLost() throws Exception {
        StorePath t = f.system().user("alice", null, true, "users", "/home/alice", false)
                .etcCopy("sudoers", "root ALL=(ALL) ALL\n", "0440", "root", "wheel")
                .etcCopy("alice.conf", "hi\n", "0600", "alice", "users").build();
        f.activator().activate(t);
        Path sudoers = f.etc("sudoers");
        assertThat(Files.isSymbolicLink(sudoers)).isFalse();
        assertThat(sudoers).hasContent("root ALL=(ALL) ALL\n");
        assertThat(OwnedFile.mode(sudoers)).isEqualTo(0440);
        if (OwnedFile.isRoot()) {
            assertThat(Files.getAttribute(sudoers, "unix:gid")).isEqualTo(1);
            assertThat(Files.getAttribute(f.etc("alice.conf"), "unix:uid")).isEqualTo(1000);
        } else {
            assertThat(f.log).anyMatch(l -> l.startsWith("warning: cannot give " + f.etc("alice.conf") + " to uid 1000"));
        }
        Files.setAttribute(f.etc("alice.conf"), "unix:mode", 0644);
        Files.writeString(f.etc("alice.conf"), "edited by hand\n");
        f.activator().activate(f.system().user("alice", null, true, "users", "/home/alice", false).build());
        assertThat(Links.exists(f.etc("sudoers"))).isFalse();
        assertThat(f.etc("alice.conf")).hasContent("edited by hand\n");
        assertThat(f.log).anyMatch(l -> l.contains("/etc/alice.conf is no longer managed, but it was changed by hand"));
    }

    @Test
    void usersGetIdsFromTheLedgerAndTheFilesAreWhollyGenerated() throws Exception {
        StorePath t = f.system().user("alice", null, true, "users", "/home/alice", true)
                .user("bob", null, true, "users", "/home/bob", false)
                .user("sshd", null, false, "sshd", "/var/empty", false).group("sshd", null).build();
        f.activator().activate(t);
        String passwd = Files.readString(f.etc("passwd"));
        assertThat(passwd).contains("root:x:0:0:root:/root:/bin/sh\n", "alice:x:1000:100:alice:/home/alice:/bin/sh\n",
                "bob:x:1001:100:", "sshd:x:999:999:");
        assertThat(Files.readString(f.etc("group"))).contains("wheel:x:1:alice,bob\n", "users:x:100:alice,bob\n", "sshd:x:999:sshd\n");
        assertThat(Files.readString(f.etc("shadow"))).contains("alice:!:1::::::\n");
        assertThat(OwnedFile.mode(f.etc("shadow"))).isEqualTo(0600);
        assertThat(Files.readString(f.etc("gshadow"))).contains("wheel:!::alice,bob\n");
        Path home = root.resolve("home/alice");
        assertThat(OwnedFile.mode(home)).isEqualTo(0700);
        if (OwnedFile.isRoot()) assertThat(Files.getAttribute(home, "unix:uid")).isEqualTo(1000);
        assertThat(root.resolve("home/bob")).doesNotExist();

        // bob goes, carol comes: she does not get bob's 1001; bob coming back gets 1001 again.
        f.activator().activate(f.system().user("alice", null, true, "users", "/home/alice", true)
                .user("carol", null, true, "users", "/home/carol", false).build());
        assertThat(Files.readString(f.etc("passwd"))).contains("carol:x:1002:").doesNotContain("bob");
        f.activator().activate(f.system().user("bob", null, true, "users", "/home/bob", false).build());
        assertThat(Files.readString(f.etc("passwd"))).contains("bob:x:1001:");
    }

    @Test
    void aDeclaredIdTheLedgerGaveToAnotherNameIsRefusedBeforeAnythingChanges() throws Exception {
        StorePath first = f.system().user("alice", null, true, "users", "/home/alice", false).etc("motd", "1\n").build();
        f.activator().activate(first);
        String passwd = Files.readString(f.etc("passwd"));
        StorePath clash = f.system().user("mallory", 1000L, true, "users", "/home/m", false).etc("motd", "2\n").build();
        assertThatThrownBy(() -> f.activator().activate(clash))
                .hasMessageContaining("user 'mallory' declares id 1000, but the id ledger gave 1000 to 'alice'");
        assertThat(f.read("/etc/motd")).isEqualTo("1\n");
        assertThat(f.etc("passwd")).hasContent(passwd);
        assertThat(f.profile.currentSystem()).hasValue(first);
    }

    @Test
    void passwordHashesComeFromSecretsOrTheOldShadow() throws Exception {
        String hex = "ab".repeat(32);
        Files.createDirectories(root.resolve("sysbuild/var/secrets"));
        Files.writeString(root.resolve("sysbuild/var/secrets/" + hex), "$6$salt$hash\n");
        f.activator().activate(f.system().user("alice", null, true, "users", "/home/alice", false)
                .userField("alice", "hashedPasswordRef", "sha256:" + hex)
                .user("bob", null, true, "users", "/home/bob", false).build());
        assertThat(Files.readString(f.etc("shadow"))).contains("alice:$6$salt$hash:1::::::\n", "bob:!:1::::::\n");
        // bob set a password with passwd(1); the configuration gives none, so it is kept.
        Files.writeString(f.etc("shadow"), Files.readString(f.etc("shadow")).replace("bob:!:", "bob:$6$bob$x:"));
        f.activator().activate(f.system().user("bob", null, true, "users", "/home/bob", false).etc("x", "x").build());
        assertThat(Files.readString(f.etc("shadow"))).contains("bob:$6$bob$x:1::::::\n");

        StorePath missing = f.system().user("eve", null, true, "users", "/home/eve", false)
                .userField("eve", "hashedPasswordRef", "sha256:" + "cd".repeat(32)).build();
        assertThatThrownBy(() -> f.activator().activate(missing)).hasMessageContaining("its password secret")
                .hasMessageContaining("is missing");
    }

    @Test
    void withoutSystemdThePlanIsRecordedAndWithItSystemctlRunsItInOrder() throws Exception {
        f.activator().activate(f.system().unit("a.service", "A1", true, false, true)
                .unit("b.service", "B1", true, false, false).unit("c.service", "C1", true, true, true)
                .unit("gone.service", "G", true, false, true).build());
        List<List<String>> calls = new ArrayList<>();
        StorePath next = f.system().unit("a.service", "A2", true, false, true).unit("b.service", "B2", true, false, false)
                .unit("c.service", "C2", true, true, true).unit("new.service", "N", true, false, true).build();
        f.activator(dev.sysbuild.generations.CrashPoints.none(), Optional.of(calls::add)).activate(next);
        assertThat(calls).containsExactly(List.of("stop", "a.service"), List.of("stop", "gone.service"),
                List.of("daemon-reload"), List.of("reload", "c.service"), List.of("restart", "b.service"),
                List.of("start", "a.service"), List.of("start", "new.service"));
        assertThat(root.resolve("sysbuild/var/activation/last-plan.json")).content().contains("\"applied\": true");
    }

    @Test
    void aFailureHalfWayRestoresThePreviousGenerationsEtcAndUsers() throws Exception {
        StorePath a = f.system().etc("motd", "a\n").user("alice", null, true, "users", "/home/alice", false)
                .unit("s.service", "1", true, false, true).build();
        f.activator().activate(a);
        String passwd = Files.readString(f.etc("passwd"));
        StorePath b = f.system().etc("motd", "b\n").etc("extra", "e\n").unit("s.service", "2", true, false, true).build();
        List<List<String>> calls = new ArrayList<>();
        Systemctl failingReload = args -> {
            calls.add(args);
            if (args.equals(List.of("daemon-reload"))) throw new IOException("daemon-reload failed");
        };
        assertThatThrownBy(() -> f.activator(dev.sysbuild.generations.CrashPoints.none(), Optional.of(failingReload)).activate(b))
                .isInstanceOf(ActivationFailedException.class)
                .hasMessageContaining("failed at step 'services': daemon-reload failed")
                .hasMessageContaining("were restored");
        assertThat(f.read("/etc/motd")).isEqualTo("a\n");
        assertThat(Links.exists(f.etc("extra"))).isFalse();
        assertThat(f.etc("passwd")).hasContent(passwd);
        assertThat(f.profile.currentSystem()).hasValue(a);
        assertThat(calls).contains(List.of("start", "s.service"));
    }

    @Test
    void aDryRunChangesNothingAndSaysWhatWouldChange() throws Exception {
        f.activator().activate(f.system().etc("motd", "a\n").build());
        Files.writeString(f.etc("issue"), "mine");
        StorePath b = f.system().etc("issue", "managed").etc("new", "n").build();
        List<String> lines = f.activator().plan(b).describe();
        assertThat(lines).contains("  add     /etc/new", "  move aside /etc/issue (not made by sysbuild) and add it",
                "  remove  /etc/motd");
        assertThat(f.etc("issue")).hasContent("mine");
        assertThat(Links.exists(f.etc("new"))).isFalse();
    }

    @Test
    void aHashedPasswordFileIsReadOnTheTarget() throws Exception {
        Files.createDirectories(root.resolve("var/secrets"));
        Files.writeString(root.resolve("var/secrets/alice"), "$y$j9T$abc\n");
        f.activator().activate(f.system().user("alice", null, true, "users", "/home/alice", false)
                .userField("alice", "hashedPasswordFile", "/var/secrets/alice").build());
        assertThat(Files.readString(f.etc("shadow"))).contains("alice:$y$j9T$abc:1::::::\n");
    }

    @Test
    void aDeclaredIdChangeIsRecordedAndTheOldIdStaysTaken() throws Exception {
        f.activator().activate(f.system().user("alice", null, true, "users", "/home/alice", false).build());
        f.activator().activate(f.system().user("alice", 1500L, true, "users", "/home/alice", false).build());
        assertThat(Files.readString(f.etc("passwd"))).contains("alice:x:1500:");
        f.activator().activate(f.system().user("alice", 1500L, true, "users", "/home/alice", false)
                .user("bob", null, true, "users", "/home/bob", false).build());
        assertThat(Files.readString(f.etc("passwd"))).contains("bob:x:1001:");
        assertThat(root.resolve("sysbuild/var/ids.json")).content().contains("\"1000\": \"alice\"", "\"1500\": \"alice\"");
    }

    @Test
    void anEntryCanBecomeADirectoryOfEntriesAndBackWithoutBackupsOrWarnings() throws Exception {
        f.activator().activate(f.system().etc("foo", "file\n").build());
        f.activator().activate(f.system().etc("foo/bar", "bar\n").etc("foo/sub/baz", "baz\n").build());
        assertThat(f.read("/etc/foo/bar")).isEqualTo("bar\n");
        assertThat(Files.isDirectory(f.etc("foo"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        f.activator().activate(f.system().etc("foo", "file again\n").build());
        assertThat(f.read("/etc/foo")).isEqualTo("file again\n");
        assertThat(Links.read(f.etc("foo"))).hasValue("/etc/static/foo");
        assertThat(f.etc("foo.sysbuild-backup")).doesNotExist();
        assertThat(f.log).noneMatch(l -> l.startsWith("warning:"));
    }

    @Test
    void aDirectoryWithUserFilesWhereAnEntryMustGoIsMovedAsideWhole() throws Exception {
        f.activator().activate(f.system().etc("foo/bar", "bar\n").build());
        Files.writeString(f.etc("foo/mine"), "mine\n");
        f.activator().activate(f.system().etc("foo", "file\n").build());
        assertThat(f.read("/etc/foo")).isEqualTo("file\n");
        assertThat(f.etc("foo.sysbuild-backup/mine")).hasContent("mine\n");
        assertThat(Links.exists(f.etc("foo.sysbuild-backup/bar"))).isFalse();
    }
}
