package dev.sysbuild.store.debian;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.store.build.TestDeb;
import dev.sysbuild.store.hash.HashAlgo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory of .deb files read as an index, and the package set written from it. */
class DebArchiveTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryOfDebsReadsLikeAnIndexWithTheirHashes() throws Exception {
        byte[] hello = new TestDeb("hello", "2.10-3").field("Depends", "libc6 (>= 2.34)").file("./usr/bin/hello", "h").bytes();
        byte[] libc = new TestDeb("libc6", "2.36-9").field("Provides", "libc6-any").file("./usr/lib/libc.so.6", "c").bytes();
        Files.write(dir.resolve("hello_2.10-3_amd64.deb"), hello);
        Files.write(dir.resolve("libc6_2.36-9_amd64.deb"), libc);
        Files.writeString(dir.resolve("README"), "not a package");

        List<DebPackage> pkgs = DebArchive.scan(dir);

        assertThat(pkgs).extracting(DebPackage::name).containsExactly("hello", "libc6");
        DebPackage h = pkgs.get(0);
        assertThat(h.filename()).isEqualTo("hello_2.10-3_amd64.deb");
        assertThat(h.sha256()).isEqualTo(HashAlgo.SHA256.hash(hello).toBase16());
        assertThat(h.size()).isEqualTo(hello.length);
        DependencyResolver r = new DependencyResolver(pkgs);
        assertThat(r.closure(List.of("hello"))).containsExactly("hello", "libc6");
        String set = PackageSetWriter.write(r, List.of("debs/"), "debs");
        assertThat(set).contains("baseUrl = ./debs;").contains("\"hello\" = { version = \"2.10-3\"")
                .contains("depends = [ \"libc6\" ];").contains("provides = [ \"libc6-any\" ];");
    }

    @Test
    void controlFieldsOfOnePackage() {
        DebControl c = DebControl.parse("Package: dash\nVersion: 0.5.12-2\nArchitecture: amd64\n"
                + "Pre-Depends: libc6 (>= 2.34)\nDepends: debianutils (>= 5.6-0.1), dpkg (>= 1.19.1)\n"
                + "Provides: sh, posix-shell (= 1)\nDescription: POSIX shell\n long text\n", "control");
        assertThat(c.depends()).containsExactly("libc6 (>= 2.34)", "debianutils (>= 5.6-0.1)", "dpkg (>= 1.19.1)");
        assertThat(c.provides()).containsExactly("sh", "posix-shell");
        assertThat(c.fields().get("Description")).isEqualTo("POSIX shell\nlong text");
    }

    @Test
    void baseUrlsAreStringsAndRelativeDirectoriesPathLiterals() {
        assertThat(PackageSetWriter.baseUrl("http://deb.debian.org/debian")).isEqualTo("\"http://deb.debian.org/debian\"");
        assertThat(PackageSetWriter.baseUrl("/srv/debs")).isEqualTo("\"/srv/debs\"");
        assertThat(PackageSetWriter.baseUrl("debs/")).isEqualTo("./debs");
        assertThat(PackageSetWriter.baseUrl("../mirror")).isEqualTo("../mirror");
    }
}
