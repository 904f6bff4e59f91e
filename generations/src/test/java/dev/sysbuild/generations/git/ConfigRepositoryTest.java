package dev.sysbuild.generations.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final PersonIdent ALICE = new PersonIdent("Alice", "alice@example.org");

    @TempDir
    Path tmp;

    private Path repoWith(String... nameAndText) throws Exception {
        Path dir = tmp.resolve("config");
        Files.createDirectories(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            for (int i = 0; i < nameAndText.length; i += 2) Files.writeString(dir.resolve(nameAndText[i]), nameAndText[i + 1]);
            git.add().addFilepattern(".").call();
            git.commit().setMessage("first config").setAuthor(ALICE).setCommitter(ALICE).setSign(false).call();
        }
        return dir;
    }

    private static void commitAll(Path dir, String message) throws Exception {
        try (Git git = Git.open(dir.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor(ALICE).setCommitter(ALICE).setSign(false).call();
        }
    }

    @Test
    void aCleanTreeRecordsTheCommitAndBranch() throws Exception {
        Path dir = repoWith("system.conf", "{ }\n");
        try (ConfigRepository repo = ConfigRepository.discover(dir).orElseThrow()) {
            Provenance p = repo.capture(List.of(dir.resolve("system.conf")), "0.1", NOW);
            assertThat(p.dirty()).isFalse();
            assertThat(p.branch()).isEqualTo("main");
            assertThat(p.subject()).isEqualTo("first config");
            assertThat(p.commit()).hasSize(40).isEqualTo(repo.head().orElseThrow().id());
            assertThat(p.diff()).isEmpty();
            assertThat(Provenance.fromJson(dev.sysbuild.store.json.Json.parseObject(p.toJsonText()))).isEqualTo(p);
        }
    }

    @Test
    void onlyFilesEvaluationReadMakeItDirty() throws Exception {
        Path dir = repoWith("system.conf", "{ a = 1; }\n", "notes.txt", "old\n");
        Files.writeString(dir.resolve("notes.txt"), "new\n");
        Files.writeString(dir.resolve("untracked.nix"), "{ }\n");
        Files.writeString(dir.resolve("other-untracked"), "x\n");
        try (ConfigRepository repo = ConfigRepository.discover(dir.resolve("sub/../")).orElseThrow()) {
            Provenance clean = repo.capture(List.of(dir.resolve("system.conf")), "0.1", NOW);
            assertThat(clean.dirty()).isFalse();

            Files.writeString(dir.resolve("system.conf"), "{ a = 2; }\n");
            Provenance p = repo.capture(List.of(dir.resolve("system.conf"), dir.resolve("untracked.nix"),
                    Path.of("/etc/hostname")), "0.1", NOW);
            assertThat(p.dirty()).isTrue();
            assertThat(p.changedFiles()).containsExactly("system.conf");
            assertThat(p.untrackedRead()).containsExactly("untracked.nix");
            assertThat(p.diff()).contains("--- a/system.conf").contains("-{ a = 1; }").contains("+{ a = 2; }")
                    .doesNotContain("notes.txt");
        }
    }

    @Test
    void aDirectoryCopiedWholeCoversTheFilesBelowIt() throws Exception {
        Path dir = repoWith("system.conf", "{ }\n");
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/motd"), "hello\n");
        commitAll(dir, "motd");
        Files.writeString(dir.resolve("files/motd"), "changed\n");
        Files.writeString(dir.resolve("files/new"), "x\n");
        try (ConfigRepository repo = ConfigRepository.discover(dir).orElseThrow()) {
            Provenance p = repo.capture(List.of(dir.resolve("system.conf"), dir.resolve("files")), "0.1", NOW);
            assertThat(p.changedFiles()).containsExactly("files/motd");
            assertThat(p.untrackedRead()).containsExactly("files/new");
            assertThat(p.diff()).contains("+changed");
        }
    }

    @Test
    void aRevisionIsExportedWithoutTouchingTheWorkTree() throws Exception {
        Path dir = repoWith("system.conf", "{ v = 1; }\n");
        Files.createDirectories(dir.resolve("mods"));
        Files.writeString(dir.resolve("mods/a.nix"), "2\n");
        Files.writeString(dir.resolve("system.conf"), "{ v = import ./mods/a.nix; }\n");
        commitAll(dir, "second");
        Files.writeString(dir.resolve("system.conf"), "uncommitted\n");
        try (ConfigRepository repo = ConfigRepository.discover(dir).orElseThrow()) {
            CommitInfo first = repo.exportRevision("HEAD~1", tmp.resolve("x/rev1"));
            assertThat(first.subject()).isEqualTo("first config");
            assertThat(Files.readString(tmp.resolve("x/rev1/system.conf"))).isEqualTo("{ v = 1; }\n");
            assertThat(tmp.resolve("x/rev1/mods")).doesNotExist();
            repo.exportRevision("main", tmp.resolve("x/rev2"));
            assertThat(Files.readString(tmp.resolve("x/rev2/mods/a.nix"))).isEqualTo("2\n");
            assertThat(Files.readString(dir.resolve("system.conf"))).isEqualTo("uncommitted\n");

            assertThat(repo.commitsBetween("HEAD~1", "HEAD")).extracting(CommitInfo::subject).containsExactly("second");
            assertThat(repo.log(10)).extracting(CommitInfo::subject).containsExactly("second", "first config");
            assertThat(repo.diffBetween("HEAD~1", "HEAD")).contains("+{ v = import ./mods/a.nix; }")
                    .contains("+++ b/mods/a.nix");
            Provenance p = repo.captureRevision("HEAD~1", "0.1", NOW);
            assertThat(p.commit()).isEqualTo(first.id());
            assertThat(p.rev()).isEqualTo("HEAD~1");
            assertThat(p.dirty()).isFalse();
            assertThatThrownBy(() -> repo.resolve("nosuchbranch")).hasMessageContaining("unknown revision 'nosuchbranch'");
        }
    }

    @Test
    void noRepositoryOutsideGit() throws Exception {
        Files.createDirectories(tmp.resolve("plain"));
        // The temporary directory may itself be inside a repository on a developer's machine.
        Path real = tmp.toRealPath();
        assertThat(ConfigRepository.discover(tmp.resolve("plain")).map(ConfigRepository::workTree)
                .filter(w -> w.startsWith(real))).isEmpty();
    }

    @Test
    void initCreatesARepositoryWithAFirstCommitAndRefusesAnExistingConfiguration() throws Exception {
        Path dir = tmp.resolve("new/config");
        CommitInfo c = ConfigInit.create(dir, Map.of("system.conf", "{ }\n", ".gitignore", "result\n"), "sysbuild init");
        assertThat(c.subject()).isEqualTo("sysbuild init");
        assertThat(dir.resolve(".git")).isDirectory();
        try (ConfigRepository repo = ConfigRepository.discover(dir).orElseThrow()) {
            assertThat(repo.capture(List.of(dir.resolve("system.conf")), "0.1", NOW).dirty()).isFalse();
            assertThat(repo.branch()).isEqualTo("main");
        }
        assertThatThrownBy(() -> ConfigInit.create(dir, Map.of("system.conf", "x"), "again"))
                .hasMessageContaining("is not empty");
        assertThat(Files.readString(dir.resolve("system.conf"))).isEqualTo("{ }\n");
    }
}
