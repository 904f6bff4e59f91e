package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianCommandTest {
    static final String INDEX = """
            Package: hello
            Version: 2.10-3
            Architecture: amd64
            Depends: libc6 (>= 2.34)
            Filename: pool/main/h/hello/hello_2.10-3_amd64.deb
            SHA256: 1111111111111111111111111111111111111111111111111111111111111111

            Package: libc6
            Version: 2.36-9
            Architecture: amd64
            Filename: pool/main/g/glibc/libc6_2.36-9_amd64.deb
            SHA256: 2222222222222222222222222222222222222222222222222222222222222222

            Package: needs-old-libc
            Version: 1
            Architecture: amd64
            Depends: hello, libc6 (<< 2.0)
            Filename: pool/main/n/needs-old-libc_1_amd64.deb
            SHA256: 3333333333333333333333333333333333333333333333333333333333333333
            """;

    @TempDir
    Path tmp;

    private Path gzIndex() throws Exception {
        Path gz = tmp.resolve("Packages.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(INDEX.getBytes(StandardCharsets.UTF_8));
        }
        return gz;
    }

    @Test
    void anIndexBecomesAPackageSetTheLanguageReads() throws Exception {
        Cli r = Cli.run("debian", "index", "--base-url", "file:///srv/mirror", gzIndex().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: 1 of 3 packages have dependencies nothing in these indexes satisfies");
        Path set = tmp.resolve("debian.conf");
        Files.writeString(set, r.out());
        Cli eval = Cli.run("eval", "--strict", "-E", "let s = import " + set + "; in [ s.baseUrl s.packages.hello.depends"
                + " s.packages.needs-old-libc.missing ]");
        assertThat(eval.out().trim()).isEqualTo("[ \"file:///srv/mirror\" [ \"libc6\" ] [ \"libc6 (<< 2.0)\" ] ]");
    }

    @Test
    void aClosureWithAnUnsatisfiedDependencyIsRefusedWithItsChain() throws Exception {
        Cli ok = Cli.run("debian", "index", "--closure-of", "hello", gzIndex().toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("\"hello\" =").contains("\"libc6\" =").doesNotContain("needs-old-libc");
        Cli bad = Cli.run("debian", "index", "--closure-of", "needs-old-libc", gzIndex().toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("nothing in the index satisfies 'libc6 (<< 2.0)', needed by needs-old-libc");
        assertThat(bad.out()).isEmpty();
        Cli missing = Cli.run("debian", "index", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no such index file");
    }
}
