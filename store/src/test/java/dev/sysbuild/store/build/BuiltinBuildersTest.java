package dev.sysbuild.store.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.derivation.InstantiatedDerivation;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.path.FixedOutputHash;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinBuildersTest {
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

    private Path build(InstantiatedDerivation d) throws Exception {
        new BuildScheduler(store, settings, BuildProgress.silent()).realise(List.of(d.drvPath()), drvs.lookup());
        return store.layout().physical(drvs.outPath(d));
    }

    private InstantiatedDerivation builtin(String name, String builder, Map<String, String> env, StorePath... srcs) {
        Set<String> inputs = new java.util.TreeSet<>();
        for (StorePath p : srcs) inputs.add(drvs.dir.print(p));
        return drvs.make(name, builder, List.of(), env, List.of(), inputs, Optional.empty());
    }

    private StorePath addFile(String name, byte[] content) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, content);
        return store.addToStore(f, name);
    }

    // --- builtin:unpack ---

    private interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static byte[] tar(TarWriter w) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(b)) {
            w.write(tar);
        }
        return b.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, String content, int mode) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true); // keep a leading '/', as a hostile archive would
        e.setSize(data.length);
        e.setMode(mode);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        e.setLinkName(target);
        tar.putArchiveEntry(e);
        tar.closeArchiveEntry();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream gz = new GzipCompressorOutputStream(b)) {
            gz.write(data);
        }
        return b.toByteArray();
    }

    private InstantiatedDerivation unpack(String name, byte[] archive) throws IOException {
        StorePath src = addFile(name, archive);
        return builtin("unpacked-" + name, "builtin:unpack", Map.of("src", drvs.dir.print(src)), src);
    }

    @Test
    void unpackWritesATarGzWithModesAndLinks() throws Exception {
        byte[] archive = gzip(tar(t -> {
            file(t, "pkg/bin/hello", "#!/bin/sh\n", 0755);
            file(t, "./pkg/README", "read me\n", 0644);
            link(t, "pkg/bin/hi", "hello");
            link(t, "pkg/doc", "../pkg/README");
        }));

        Path out = build(unpack("a.tar.gz", archive));

        assertThat(out.resolve("pkg/bin/hello")).hasContent("#!/bin/sh").isExecutable();
        assertThat(Files.isExecutable(out.resolve("pkg/README"))).isFalse();
        assertThat(Files.readSymbolicLink(out.resolve("pkg/bin/hi"))).isEqualTo(Path.of("hello"));
        assertThat(out.resolve("pkg/doc")).hasContent("read me");
    }

    @Test
    void unpackRefusesAnEntryThatGoesUp() throws Exception {
        InstantiatedDerivation d = unpack("evil.tar", tar(t -> file(t, "ok/../../escaped", "x", 0644)));

        assertThatThrownBy(() -> build(d)).isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("refusing to unpack 'ok/../../escaped'").hasMessageContaining("'..'");
        assertThat(store.isValid(drvs.outPath(d))).isFalse();
        assertThat(store.layout().physicalStoreDir().resolve("escaped")).doesNotExist();
    }

    @Test
    void unpackRefusesAbsolutePathsAndLinksLeavingTheOutput() throws Exception {
        InstantiatedDerivation absolute = unpack("abs.tar", tar(t -> file(t, "/etc/passwd", "x", 0644)));
        InstantiatedDerivation upLink = unpack("up.tar", tar(t -> link(t, "a/b", "../../outside")));
        InstantiatedDerivation absLink = unpack("abslink.tar", tar(t -> link(t, "etc", "/etc")));
        InstantiatedDerivation through = unpack("through.tar", tar(t -> {
            link(t, "d", ".");
            file(t, "d/x", "x", 0644);
        }));

        assertThatThrownBy(() -> build(absolute)).hasMessageContaining("is an absolute path");
        assertThatThrownBy(() -> build(upLink)).hasMessageContaining("outside the archive");
        assertThatThrownBy(() -> build(absLink)).hasMessageContaining("symlink to the absolute path '/etc'");
        assertThatThrownBy(() -> build(through)).hasMessageContaining("its parent 'd' is a symlink");
    }

    @Test
    void unpackReadsZipAndXz() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipped)) {
            ZipArchiveEntry e = new ZipArchiveEntry("dir/file.txt");
            zip.putArchiveEntry(e);
            zip.write("zipped\n".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (OutputStream o = new XZCompressorOutputStream(xz)) {
            o.write(tar(t -> file(t, "x.txt", "xz\n", 0644)));
        }

        assertThat(build(unpack("a.zip", zipped.toByteArray())).resolve("dir/file.txt")).hasContent("zipped");
        assertThat(build(unpack("a.tar.xz", xz.toByteArray())).resolve("x.txt")).hasContent("xz");
    }

    @Test
    void unpackPutsADebsDataAtTheTopAndItsControlFilesInNixSupport() throws Exception {
        byte[] control = gzip(tar(t -> file(t, "./control", "Package: hello\nVersion: 1.0\n", 0644)));
        byte[] data = gzip(tar(t -> file(t, "./usr/bin/hello", "binary", 0755)));
        ByteArrayOutputStream deb = new ByteArrayOutputStream();
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(deb)) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            member(ar, "control.tar.gz", control);
            member(ar, "data.tar.gz", data);
        }

        Path out = build(unpack("hello.deb", deb.toByteArray()));

        assertThat(out.resolve("usr/bin/hello")).hasContent("binary").isExecutable();
        assertThat(out.resolve("nix-support/deb-control/control")).content().contains("Package: hello");
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] content) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, content.length));
        ar.write(content);
        ar.closeArchiveEntry();
    }

    // --- builtin:buildenv ---

    private StorePath pkg(String name, Map<String, String> files) throws IOException {
        Path dir = tmp.resolve("pkgs/" + name);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.createDirectories(dir.resolve(f.getKey()).getParent());
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return store.addToStore(dir, name);
    }

    @Test
    void buildenvMergesSharedDirectoriesIntoLinks() throws Exception {
        StorePath a = pkg("a", Map.of("bin/a", "a", "share/doc/a.txt", "a"));
        StorePath b = pkg("b", Map.of("bin/b", "b", "lib/b.so", "b"));
        String paths = drvs.dir.print(a) + " " + drvs.dir.print(b);

        Path out = build(builtin("env", "builtin:buildenv", Map.of("paths", paths), a, b));

        assertThat(Files.isDirectory(out.resolve("bin"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.readSymbolicLink(out.resolve("bin/a")).toString()).isEqualTo(drvs.dir.print(a) + "/bin/a");
        assertThat(Files.readSymbolicLink(out.resolve("bin/b")).toString()).isEqualTo(drvs.dir.print(b) + "/bin/b");
        assertThat(Files.readSymbolicLink(out.resolve("lib")).toString()).isEqualTo(drvs.dir.print(b) + "/lib");
        assertThat(store.queryPathInfo(drvs.outPath(builtin("env", "builtin:buildenv", Map.of("paths", paths), a, b)))
                .orElseThrow().references()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void buildenvCollisionNamesBothPackagesAndTheFile() throws Exception {
        StorePath a = pkg("a", Map.of("bin/tool", "from a"));
        StorePath b = pkg("b", Map.of("bin/tool", "from b"));
        InstantiatedDerivation env = builtin("env", "builtin:buildenv",
                Map.of("paths", drvs.dir.print(a) + " " + drvs.dir.print(b)), a, b);

        assertThatThrownBy(() -> build(env)).isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("collision at 'bin/tool'")
                .hasMessageContaining(drvs.dir.print(a)).hasMessageContaining(drvs.dir.print(b));
        assertThat(store.isValid(drvs.outPath(env))).isFalse();
    }

    @Test
    void buildenvLetsTheLowerPriorityNumberWin() throws Exception {
        StorePath a = pkg("a", Map.of("bin/tool", "from a"));
        StorePath b = pkg("b", Map.of("bin/tool", "from b"));
        String json = "[{\"paths\":[\"" + drvs.dir.print(a) + "\"],\"priority\":6},"
                + "{\"paths\":[\"" + drvs.dir.print(b) + "\"],\"priority\":4}]";

        Path out = build(builtin("env", "builtin:buildenv", Map.of("pkgs", json), a, b));

        assertThat(Files.readSymbolicLink(out.resolve("bin/tool")).toString()).isEqualTo(drvs.dir.print(b) + "/bin/tool");
    }

    @Test
    void buildenvRefusesAPathOutsideItsInputs() throws Exception {
        StorePath a = pkg("a", Map.of("bin/a", "a"));
        InstantiatedDerivation env = builtin("env", "builtin:buildenv", Map.of("paths", drvs.dir.print(a)));

        assertThatThrownBy(() -> build(env)).hasMessageContaining("is not an input of the derivation");
    }

    // --- builtin:sysbuild-tree ---

    @Test
    void sysbuildTreeWritesWhatTheManifestSays() throws Exception {
        // "é" as the evaluator holds it: the two UTF-8 bytes, one char each.
        String eAcute = new String("é".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String manifest = "{\"entries\":["
                + "{\"path\":\"etc/hostname\",\"symlink\":\"/sysbuild/store/x-etc-hostname\"},"
                + "{\"path\":\"bin/hello\",\"text\":\"#!/bin/sh\\necho h" + eAcute + "llo\\n\",\"executable\":true},"
                + "{\"path\":\"share/empty\",\"directory\":true},"
                + "{\"path\":\"system\",\"text\":\"x86_64-linux\"}]}";

        Path out = build(builtin("toplevel", "builtin:sysbuild-tree", Map.of("manifest", manifest)));

        assertThat(Files.readSymbolicLink(out.resolve("etc/hostname")).toString()).isEqualTo("/sysbuild/store/x-etc-hostname");
        assertThat(Files.readAllBytes(out.resolve("bin/hello")))
                .isEqualTo("#!/bin/sh\necho héllo\n".getBytes(StandardCharsets.UTF_8));
        assertThat(out.resolve("bin/hello")).isExecutable();
        assertThat(Files.isExecutable(out.resolve("system"))).isFalse();
        assertThat(out.resolve("share/empty")).isEmptyDirectory();
    }

    @Test
    void sysbuildTreeRefusesAPathGivenTwiceOrGoingUp() throws Exception {
        InstantiatedDerivation twice = builtin("twice", "builtin:sysbuild-tree", Map.of("manifest",
                "{\"entries\":[{\"path\":\"a\",\"text\":\"1\"},{\"path\":\"a\",\"text\":\"2\"}]}"));
        InstantiatedDerivation up = builtin("up", "builtin:sysbuild-tree", Map.of("manifest",
                "{\"entries\":[{\"path\":\"../a\",\"text\":\"1\"}]}"));

        assertThatThrownBy(() -> build(twice)).hasMessageContaining("the path 'a' is given twice");
        assertThatThrownBy(() -> build(up)).hasMessageContaining("'..'");
    }

    @Test
    void sysbuildTreeWithAnEmptyPathMakesOutAFile() throws Exception {
        Path out = build(builtin("file", "builtin:sysbuild-tree",
                Map.of("manifest", "{\"entries\":[{\"path\":\"\",\"text\":\"just this\"}]}")));

        assertThat(out).isRegularFile().hasContent("just this");
    }

    // --- builtin:fetchurl ---

    private InstantiatedDerivation fetch(Path file, String content, Map<String, String> extra) throws IOException {
        Files.writeString(file, "downloaded\n");
        FixedOutputHash hash = FixedOutputHash.flat(HashAlgo.SHA256.hash(content.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> env = new TreeMap<>(extra);
        env.put("url", file.toUri().toString());
        return drvs.make("fetched", "builtin:fetchurl", List.of(), env, List.of(), Set.of(), Optional.of(hash));
    }

    @Test
    void fetchurlDownloadsAFileUrlAndChecksItsHash() throws Exception {
        Path out = build(fetch(tmp.resolve("remote"), "downloaded\n", Map.of()));

        assertThat(out).hasContent("downloaded");
    }

    @Test
    void fetchurlWithAWrongHashRegistersNothing() throws Exception {
        InstantiatedDerivation d = fetch(tmp.resolve("remote"), "something else\n", Map.of());

        assertThatThrownBy(() -> build(d)).isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("hash mismatch in fixed-output derivation")
                .hasMessageContaining("got:       sha256-");
        assertThat(store.isValid(drvs.outPath(d))).isFalse();
        assertThat(store.layout().physical(drvs.outPath(d))).doesNotExist();
    }

    @Test
    void fetchurlDownloadsOverHttpAndReportsAnErrorStatus() throws Exception {
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "served\n".getBytes(StandardCharsets.UTF_8);
            boolean found = exchange.getRequestURI().getPath().equals("/file");
            exchange.sendResponseHeaders(found ? 200 : 404, found ? body.length : -1);
            if (found) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            FixedOutputHash hash = FixedOutputHash.flat(HashAlgo.SHA256.hash("served\n".getBytes(StandardCharsets.UTF_8)));
            InstantiatedDerivation ok = drvs.make("served", "builtin:fetchurl", List.of(),
                    Map.of("url", base + "/file", "executable", "1"), List.of(), Set.of(), Optional.of(hash));
            InstantiatedDerivation missing = drvs.make("missing", "builtin:fetchurl", List.of(),
                    Map.of("url", base + "/nope"), List.of(), Set.of(), Optional.of(hash));

            assertThat(build(ok)).hasContent("served").isExecutable();
            assertThatThrownBy(() -> build(missing)).hasMessageContaining("the server answered HTTP 404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void fetchurlReportsAMissingFile() throws Exception {
        FixedOutputHash hash = FixedOutputHash.flat(HashAlgo.SHA256.hash(new byte[0]));
        InstantiatedDerivation d = drvs.make("missing", "builtin:fetchurl", List.of(),
                Map.of("url", tmp.resolve("nope").toUri().toString()), List.of(), Set.of(), Optional.of(hash));

        assertThatThrownBy(() -> build(d)).hasMessageContaining("cannot download 'file:");
    }
}
