package dev.sysbuild.store.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.json.Json;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code builtin:unpack-deb} on packages made in the test. */
class DebUnpackTest {
    @TempDir
    Path tmp;

    LocalStore store;
    Drvs drvs = new Drvs();
    BuildSettings settings;

    @BeforeEach
    void open() throws IOException {
        store = LocalStore.open(Files.createDirectory(tmp.resolve("root")), StoreDir.DEFAULT);
        settings = BuildSettings.defaults(Drvs.SYSTEM).withJobs(1).withTmpDir(Files.createDirectory(tmp.resolve("builds")));
    }

    private InstantiatedDerivation unpackDeb(String name, byte[] deb) throws IOException {
        Path f = tmp.resolve(name + ".deb");
        Files.write(f, deb);
        StorePath src = store.addToStore(f, name + ".deb");
        Set<String> inputs = new TreeSet<>(Set.of(drvs.dir.print(src)));
        return drvs.make(name, "builtin:unpack-deb", List.of(), Map.of("src", drvs.dir.print(src)), List.of(), inputs,
                Optional.empty());
    }

    private Path build(InstantiatedDerivation d) throws Exception {
        new BuildScheduler(store, settings, BuildProgress.silent()).realise(List.of(d.drvPath()), drvs.lookup());
        return store.layout().physical(drvs.outPath(d));
    }

    private Path build(TestDeb deb, String name) throws Exception {
        return build(unpackDeb(name, deb.bytes()));
    }

    private static String link(Path p) throws IOException {
        return Files.readSymbolicLink(p).toString();
    }

    @ParameterizedTest
    @EnumSource(TestDeb.Compression.class)
    void unpacksTheDataOfEachCompressionWithTheControlFieldsAsMetadata(TestDeb.Compression c) throws Exception {
        TestDeb deb = new TestDeb("hello", "2.10-3").compressed(c)
                .field("Depends", "libc6 (>= 2.34), libfoo1 | libfoo2").field("Provides", "greeter (= 1)")
                .dir("./usr/").dir("./usr/bin/").executable("./usr/bin/hello", "#!/bin/sh\necho hi\n")
                .file("./usr/share/doc/hello/copyright", "GPL\n");

        Path out = build(deb, "hello-" + c);

        assertThat(out.resolve("usr/bin/hello")).hasContent("#!/bin/sh\necho hi").isExecutable();
        assertThat(out.resolve("usr/share/doc/hello/copyright")).hasContent("GPL");
        assertThat(out.resolve("nix-support/deb-control/control")).content().contains("Package: hello\n");
        Map<String, Object> summary = Json.parseObject(Files.readString(out.resolve("nix-support/deb.json")));
        assertThat(summary).containsEntry("package", "hello").containsEntry("version", "2.10-3")
                .containsEntry("architecture", "amd64")
                .containsEntry("depends", List.of("libc6 (>= 2.34)", "libfoo1 | libfoo2"))
                .containsEntry("provides", List.of("greeter")).containsEntry("maintainerScripts", List.of());
        assertThat(Files.getPosixFilePermissions(out.resolve("usr/bin/hello")))
                .as("store paths are read-only").doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void movesTopLevelDirectoriesUnderUsrAndKeepsLinksMeaningTheSame() throws Exception {
        TestDeb deb = new TestDeb("libc", "1").dir("./bin/").executable("./bin/dash", "dash").symlink("./bin/sh", "dash")
                .dir("./sbin/").symlink("./sbin/helper", "../bin/dash")
                .dir("./lib/").dir("./lib/x86_64-linux-gnu/").executable("./lib/x86_64-linux-gnu/ld.so", "ld")
                .dir("./lib64/").symlink("./lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld.so")
                .dir("./usr/").dir("./usr/bin/").symlink("./usr/bin/dash-again", "../../bin/dash")
                .dir("./usr/share/").dir("./usr/share/doc/").symlink("./usr/share/doc/libc", "gcc-base")
                .file("./usr/share/doc/readme", "r");

        Path out = build(deb, "libc");

        for (String top : List.of("bin", "sbin", "lib", "lib64")) {
            assertThat(out.resolve(top)).as(top).doesNotExist();
        }
        assertThat(out.resolve("usr/bin/dash")).hasContent("dash");
        assertThat(link(out.resolve("usr/bin/sh"))).isEqualTo("dash");
        assertThat(link(out.resolve("usr/sbin/helper"))).isEqualTo("../bin/dash");
        assertThat(out.resolve("usr/sbin/helper")).hasContent("dash");
        assertThat(link(out.resolve("usr/bin/dash-again"))).isEqualTo("dash");
        // An absolute link names a path on the target and is kept as it is, never followed.
        assertThat(link(out.resolve("usr/lib64/ld-linux-x86-64.so.2"))).isEqualTo("/lib/x86_64-linux-gnu/ld.so");
        // A link to what another package ships resolves through the target's /usr.
        assertThat(link(out.resolve("usr/share/doc/libc"))).isEqualTo("/usr/share/doc/gcc-base");
    }

    @Test
    void aPathShippedBothUnderTheRootAndUnderUsrIsAnErrorNamingIt() throws Exception {
        TestDeb deb = new TestDeb("twice", "1").dir("./bin/").file("./bin/tool", "a")
                .dir("./usr/").dir("./usr/bin/").file("./usr/bin/tool", "b");

        InstantiatedDerivation d = unpackDeb("twice", deb.bytes());

        assertThatThrownBy(() -> build(d)).isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("both /bin/tool and /usr/bin/tool");
        assertThat(store.isValid(drvs.outPath(d))).isFalse();
    }

    @Test
    void theMergedUsrLinkItselfIsDroppedAndAnyOtherTopLevelLinkRefused() throws Exception {
        Path out = build(new TestDeb("base-files", "13").symlink("./bin", "usr/bin").dir("./usr/").dir("./usr/bin/")
                .file("./usr/bin/x", "x"), "base-files");
        assertThat(Files.exists(out.resolve("bin"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(out.resolve("usr/bin/x")).hasContent("x");

        InstantiatedDerivation odd = unpackDeb("odd", new TestDeb("odd", "1").symlink("./lib", "opt/lib").bytes());
        assertThatThrownBy(() -> build(odd)).hasMessageContaining("/lib is a symlink to 'opt/lib'");
        InstantiatedDerivation usr = unpackDeb("usr", new TestDeb("usr", "1").symlink("./usr", "/").bytes());
        assertThatThrownBy(() -> build(usr)).hasMessageContaining("/usr is a symlink to '/'");
    }

    @Test
    void maintainerScriptsAreKeptListedAndNotRun() throws Exception {
        Path marker = tmp.resolve("ran");
        TestDeb deb = new TestDeb("svc", "1").script("postinst", "#!/bin/sh\ntouch " + marker + "\n")
                .script("preinst", "#!/bin/sh\ntouch " + marker + "\n").dir("./etc/").file("./etc/svc.conf", "c");

        Path out = build(deb, "svc");

        assertThat(marker).doesNotExist();
        assertThat(out.resolve("nix-support/deb-control/postinst")).exists();
        Map<String, Object> summary = Json.parseObject(Files.readString(out.resolve("nix-support/deb.json")));
        assertThat(summary.get("maintainerScripts")).isEqualTo(List.of("preinst", "postinst"));
    }

    @Test
    void refusesEntriesThatGoUp() throws Exception {
        InstantiatedDerivation d = unpackDeb("up", new TestDeb("up", "1").file("./usr/../../evil", "x").bytes());
        assertThatThrownBy(() -> build(d)).hasMessageContaining("refusing to unpack './usr/../../evil'")
                .hasMessageContaining("'..'");
        assertThat(tmp.resolve("evil")).doesNotExist();
    }

    @Test
    void refusesAbsoluteEntries() throws Exception {
        InstantiatedDerivation d = unpackDeb("abs", new TestDeb("abs", "1").file("/etc/evil", "x").bytes());
        assertThatThrownBy(() -> build(d)).hasMessageContaining("refusing to unpack '/etc/evil'")
                .hasMessageContaining("absolute path");
    }

    @Test
    void refusesRelativeLinksThatLeaveThePackage() throws Exception {
        InstantiatedDerivation d = unpackDeb("esc", new TestDeb("esc", "1").dir("./usr/")
                .symlink("./usr/escape", "../../outside").bytes());
        assertThatThrownBy(() -> build(d)).hasMessageContaining("refusing to unpack 'usr/escape'")
                .hasMessageContaining("outside the archive");
    }

    @Test
    void refusesWritingThroughALinkTheArchiveMade() throws Exception {
        Path victim = Files.createDirectories(tmp.resolve("victim"));
        InstantiatedDerivation d = unpackDeb("through", new TestDeb("through", "1").symlink("./etc", victim.toString())
                .file("./etc/passwd", "pwned").bytes());
        assertThatThrownBy(() -> build(d)).hasMessageContaining("refusing to unpack 'etc/passwd'")
                .hasMessageContaining("is a symlink");
        assertThat(victim.resolve("passwd")).doesNotExist();
    }

    @Test
    void anArchiveThatIsNotADebianPackageIsSaidToBeOne() throws Exception {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try (var ar = new org.apache.commons.compress.archivers.ar.ArArchiveOutputStream(b)) {
            ar.putArchiveEntry(new org.apache.commons.compress.archivers.ar.ArArchiveEntry("notes.txt", 2));
            ar.write("hi".getBytes());
            ar.closeArchiveEntry();
        }
        InstantiatedDerivation d = unpackDeb("junk", b.toByteArray());
        assertThatThrownBy(() -> build(d)).hasMessageContaining("is not a Debian package: it does not start with 'debian-binary'");
    }

    // --- unpacked packages merged by builtin:buildenv, as the generation's sw is ---

    private Path env(InstantiatedDerivation... pkgs) throws Exception {
        Set<String> inputs = new TreeSet<>();
        StringBuilder paths = new StringBuilder();
        for (InstantiatedDerivation p : pkgs) {
            build(p);
            String out = drvs.dir.print(drvs.outPath(p));
            inputs.add(out);
            paths.append(out).append(' ');
        }
        return build(drvs.make("sw", "builtin:buildenv", List.of(), Map.of("paths", paths.toString().trim()), List.of(),
                inputs, Optional.empty()));
    }

    @Test
    void twoPackagesWithTheSameFileCollideNamingBothAndTheFile() throws Exception {
        InstantiatedDerivation a = unpackDeb("mawk", new TestDeb("mawk", "1").dir("./usr/").dir("./usr/bin/")
                .executable("./usr/bin/awk", "mawk").bytes());
        InstantiatedDerivation b = unpackDeb("gawk", new TestDeb("gawk", "1").dir("./bin/").executable("./bin/awk", "gawk")
                .bytes());

        assertThatThrownBy(() -> env(a, b)).isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("collision at 'usr/bin/awk'")
                .hasMessageContaining(drvs.dir.print(drvs.outPath(a))).hasMessageContaining("-mawk")
                .hasMessageContaining(drvs.dir.print(drvs.outPath(b))).hasMessageContaining("-gawk");
    }

    @Test
    void theSameFileInTwoPackagesAndAbsoluteLinksMergeQuietly() throws Exception {
        InstantiatedDerivation a = unpackDeb("liba", new TestDeb("liba", "1").dir("./usr/").dir("./usr/share/")
                .file("./usr/share/common.txt", "same").dir("./lib64/").symlink("./lib64/ld.so", "/lib/ld.so").bytes());
        InstantiatedDerivation b = unpackDeb("libb", new TestDeb("libb", "1").dir("./usr/").dir("./usr/share/")
                .file("./usr/share/common.txt", "same").dir("./lib/").file("./lib/ld.so", "ld").bytes());

        Path sw = env(a, b);

        assertThat(link(sw.resolve("usr/share/common.txt"))).endsWith("/usr/share/common.txt");
        assertThat(link(sw.resolve("usr/lib64"))).isEqualTo(drvs.dir.print(drvs.outPath(a)) + "/usr/lib64");
        assertThat(link(sw.resolve("usr/lib"))).isEqualTo(drvs.dir.print(drvs.outPath(b)) + "/usr/lib");
        assertThat(link(store.layout().physical(drvs.outPath(a)).resolve("usr/lib64/ld.so"))).isEqualTo("/lib/ld.so");
    }
}
