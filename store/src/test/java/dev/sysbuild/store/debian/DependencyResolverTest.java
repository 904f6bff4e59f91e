package dev.sysbuild.store.debian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyResolverTest {
    static final String INDEX = """
            Package: hello
            Version: 2.10-3
            Architecture: amd64
            Depends: libc6 (>= 2.34)
            Filename: pool/main/h/hello/hello_2.10-3_amd64.deb
            Size: 52944
            SHA256: 1111111111111111111111111111111111111111111111111111111111111111
            Description: example package based on GNU hello
             The GNU hello program produces a familiar, friendly greeting.

            Package: libc6
            Version: 2.36-9+deb12u4
            Architecture: amd64
            Depends: libgcc-s1
            Filename: pool/main/g/glibc/libc6_2.36-9+deb12u4_amd64.deb
            SHA256: 2222222222222222222222222222222222222222222222222222222222222222

            Package: libgcc-s1
            Version: 12.2.0-14
            Architecture: amd64
            Pre-Depends: libc6 (>= 2.35)
            Filename: pool/main/g/gcc-12/libgcc-s1_12.2.0-14_amd64.deb
            SHA256: 3333333333333333333333333333333333333333333333333333333333333333

            Package: mawk
            Version: 1.3.4.20200120-3.1
            Architecture: amd64
            Provides: awk
            Filename: pool/main/m/mawk/mawk.deb
            SHA256: 4444444444444444444444444444444444444444444444444444444444444444

            Package: uses-awk
            Version: 1
            Architecture: all
            Depends: gawk | awk, newlib (>= 3) | libc6:any
            Filename: pool/main/u/uses-awk.deb
            SHA256: 5555555555555555555555555555555555555555555555555555555555555555

            Package: broken
            Version: 1
            Architecture: all
            Depends: uses-awk, libc6 (>= 9.0)
            Filename: pool/main/b/broken.deb
            SHA256: 6666666666666666666666666666666666666666666666666666666666666666
            """;

    @TempDir
    Path tmp;

    private static DependencyResolver universe() {
        return new DependencyResolver(PackagesIndex.parse(INDEX, "Packages"));
    }

    @Test
    void parsesStanzasWithContinuationLines() {
        List<DebPackage> pkgs = PackagesIndex.parse(INDEX, "Packages");
        assertThat(pkgs).extracting(DebPackage::name)
                .containsExactly("hello", "libc6", "libgcc-s1", "mawk", "uses-awk", "broken");
        DebPackage hello = pkgs.get(0);
        assertThat(hello.size()).isEqualTo(52944);
        assertThat(hello.fields().get("Description")).endsWith("\nThe GNU hello program produces a familiar, friendly greeting.");
    }

    @Test
    void readsCompressedIndexes() throws Exception {
        Path gz = tmp.resolve("Packages.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(INDEX.getBytes(StandardCharsets.UTF_8));
        }
        Path xz = tmp.resolve("Packages.xz");
        try (OutputStream o = new XZCompressorOutputStream(Files.newOutputStream(xz))) {
            o.write(INDEX.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(PackagesIndex.read(gz)).hasSize(6);
        assertThat(PackagesIndex.read(xz)).hasSize(6);
    }

    @Test
    void alternativesVirtualPackagesAndVersions() {
        DependencyResolver u = universe();
        assertThat(u.resolve(u.packages().get("uses-awk")).depends()).containsExactly("mawk", "libc6");
        assertThat(u.resolve(u.packages().get("hello")).depends()).containsExactly("libc6");
        assertThat(u.resolve(u.packages().get("broken")).missing()).containsExactly("libc6 (>= 9.0)");
        // Cycles (libc6 <-> libgcc-s1) are fine: the closure visits each package once.
        assertThat(u.closure(List.of("hello"))).containsExactly("hello", "libc6", "libgcc-s1");
    }

    @Test
    void aMissingDependencyNamesTheChain() {
        DependencyResolver u = universe();
        assertThatThrownBy(() -> u.closure(List.of("broken")))
                .isInstanceOf(DependencyResolver.UnresolvedDependencyException.class)
                .hasMessage("nothing in the index satisfies 'libc6 (>= 9.0)', needed by broken");
        assertThatThrownBy(() -> u.closure(List.of("nosuch"))).hasMessageContaining("'nosuch' is not in the package index");
    }

    @Test
    void thePackageSetIsPlainDataInTheLanguage() {
        String set = PackageSetWriter.write(universe(), List.of("Packages (sha256 abc)"), "http://deb.debian.org/debian");
        assertThat(set).contains("baseUrl = \"http://deb.debian.org/debian\";")
                .contains("\"hello\" = { version = \"2.10-3\"; arch = \"amd64\"; filename = \"pool/main/h/hello/hello_2.10-3_amd64.deb\";")
                .contains("depends = [ \"mawk\" \"libc6\" ];")
                .contains("missing = [ \"libc6 (>= 9.0)\" ];")
                .contains("provides = [ \"awk\" ];");
        assertThat(PackageSetWriter.quote("a\"${b}$c\\")).isEqualTo("\"a\\\"\\${b}$c\\\\\"");
    }
}
