package dev.sysbuild.generations.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.generations.EtcEntry;
import dev.sysbuild.generations.Links;
import dev.sysbuild.generations.Toplevel;
import dev.sysbuild.generations.UserSpec;
import dev.sysbuild.store.path.StorePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A crash at every step of activation, then activation again (of the same toplevel, as a re-run
 * of switch does, or of the old one, as {@code sysbuild activate} does when the boot default was
 * not moved yet): every managed /etc entry, /etc/static, current-system and the users files
 * agree on one generation, and the user's own file is still there.
 */
class CrashRecoveryTest {
    @TempDir
    Path root;

    static Stream<String> steps() {
        return Activator.STEPS.stream();
    }

    @ParameterizedTest
    @MethodSource("steps")
    void reRunningTheSameActivationAfterACrashConverges(String step) throws Exception {
        ActivationFixture f = new ActivationFixture(root);
        StorePath[] ab = twoGenerations(f);
        assertThatThrownBy(() -> f.crashingAt(step).activate(ab[1])).isInstanceOf(ActivationFixture.SimulatedCrash.class);
        f.activator().activate(ab[1]);
        assertConsistent(f, ab[1]);
    }

    @ParameterizedTest
    @MethodSource("steps")
    void activatingThePreviousGenerationAfterACrashConverges(String step) throws Exception {
        ActivationFixture f = new ActivationFixture(root);
        StorePath[] ab = twoGenerations(f);
        assertThatThrownBy(() -> f.crashingAt(step).activate(ab[1])).isInstanceOf(ActivationFixture.SimulatedCrash.class);
        f.activator().activate(ab[0]);
        assertConsistent(f, ab[0]);
    }

    /** A active, a user file where B wants a managed entry; returns {A, B}. */
    private static StorePath[] twoGenerations(ActivationFixture f) throws Exception {
        StorePath a = f.system().etc("motd", "a\n").etc("old.conf", "old\n").etc("ssh/sshd_config", "Port 22\n")
                .etcCopy("sudoers", "a\n", "0440", "root", "wheel")
                .user("alice", null, true, "users", "/home/alice", true).unit("s.service", "1", true, false, true)
                .swFile("usr/bin/tool", "a").build();
        f.activator().activate(a);
        Files.writeString(f.etc("issue"), "mine\n");
        StorePath b = f.system().etc("motd", "b\n").etc("issue", "managed\n").etc("ssh/sshd_config", "Port 2222\n")
                .etcCopy("sudoers", "b\n", "0440", "root", "wheel").etcCopy("new.conf", "n\n", "0644", "bob", "users")
                .user("alice", null, true, "users", "/home/alice", true).user("bob", null, true, "users", "/home/bob", true)
                .unit("s.service", "2", true, false, true).swFile("usr/bin/tool", "b").swFile("usr/lib32/x", "b").build();
        return new StorePath[] {a, b};
    }

    private static void assertConsistent(ActivationFixture f, StorePath t) throws Exception {
        Toplevel top = new Toplevel(f.layout.store(), t);
        assertThat(f.profile.currentSystem()).hasValue(t);
        assertThat(Files.readSymbolicLink(f.etc("static")).toString()).isEqualTo(f.logical(t) + "/etc");
        Set<String> wanted = new TreeSet<>();
        for (EtcEntry e : top.etcEntries()) {
            wanted.add(e.target());
            String expected = f.read(e.source());
            assertThat(f.read("/etc/" + e.target())).as("/etc/%s", e.target()).isEqualTo(expected);
            if (e.isSymlink()) assertThat(Links.read(f.etc(e.target()))).hasValue("/etc/static/" + e.target());
            else assertThat(OwnedFile.mode(f.etc(e.target()))).isEqualTo(e.permissions());
        }
        // Nothing else in /etc points through /etc/static, and the manifest lists exactly these.
        List<String> linked = new ArrayList<>();
        try (var walk = Files.walk(f.etc(""))) {
            for (Path p : walk.toList()) {
                if (Links.read(p).map(s -> s.startsWith("/etc/static/")).orElse(false)) {
                    linked.add(f.etc("").relativize(p).toString());
                }
            }
        }
        Set<String> wantedLinks = new TreeSet<>();
        top.etcEntries().stream().filter(EtcEntry::isSymlink).forEach(e -> wantedLinks.add(e.target()));
        assertThat(new TreeSet<>(linked)).isEqualTo(wantedLinks);
        Set<String> manifest = new TreeSet<>(EtcManifest.read(f.layout.etcManifest()).entries().keySet());
        manifest.removeAll(EtcActivation.GENERATED);
        assertThat(manifest).isEqualTo(wanted);
        List<String> names = Files.readAllLines(f.etc("passwd")).stream().map(l -> l.split(":")[0]).sorted().toList();
        assertThat(names).isEqualTo(top.users().stream().map(UserSpec::name).sorted().toList());
        for (UserSpec u : top.users()) {
            if (u.createHome()) assertThat(Files.isDirectory(f.root.resolve(u.home().substring(1)))).isTrue();
        }
        assertThat(f.layout.inProgress()).doesNotExist();
        // /usr is the generation's sw/usr, and /bin leads there.
        assertThat(Links.read(f.root.resolve("usr"))).hasValue(f.logical(t) + "/sw/usr");
        assertThat(f.read("/bin/tool")).isEqualTo(f.read(f.logical(t) + "/sw/usr/bin/tool"));
        // The user's own /etc/issue survives, in place or moved aside.
        boolean kept = false;
        try (var s = Files.list(f.etc(""))) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("issue") && Files.isRegularFile(p) && !Files.isSymbolicLink(p)
                        && Files.readString(p).equals("mine\n")) kept = true;
            }
        }
        assertThat(kept).as("the user's /etc/issue is kept").isTrue();
    }
}
