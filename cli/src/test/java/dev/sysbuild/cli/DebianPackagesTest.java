package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StoreDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian packages through the command line, with small .deb files made here (no network, no
 * real packages): fetchDeb from a path, a wrong hash, a package set from a directory, a
 * collision in sw, and a root whose /usr is not ours.
 */
class DebianPackagesTest {
    @TempDir
    Path tmp;

    /** A .deb with {@code files} (path under the root, e.g. {@code usr/bin/x}, to contents) and an optional postinst. */
    static byte[] deb(String name, String version, String depends, Map<String, String> files, boolean postinst) throws IOException {
        String control = "Package: " + name + "\nVersion: " + version + "\nArchitecture: all\n"
                + (depends == null ? "" : "Depends: " + depends + "\n") + "Description: test\n";
        ByteArrayOutputStream deb = new ByteArrayOutputStream();
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(deb)) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            member(ar, "control.tar.gz", tarGz(postinst ? Map.of("control", control, "postinst", "#!/bin/sh\nexit 1\n")
                    : Map.of("control", control)));
            member(ar, "data.tar.gz", tarGz(files));
        }
        return deb.toByteArray();
    }

    private static byte[] tarGz(Map<String, String> files) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream gz = new GzipCompressorOutputStream(b); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            for (var f : new java.util.TreeMap<>(files).entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry e = new TarArchiveEntry("./" + f.getKey());
                e.setSize(data.length);
                e.setMode(0755);
                tar.putArchiveEntry(e);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return b.toByteArray();
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] content) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, content.length));
        ar.write(content);
        ar.closeArchiveEntry();
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return p;
    }

    private static String sha256(byte[] b) {
        return HashAlgo.SHA256.hash(b).toBase16();
    }

    @Test
    void fetchDebFromAPathIsCheckedAgainstItsHashAndUnpacked() throws Exception {
        byte[] tool = deb("tool", "1:2.0~rc1-1", null, Map.of("bin/tool", "#!/bin/sh\necho tool\n"), true);
        Path file = write("debs/tool_2.0~rc1-1_all.deb", tool);
        Path root = tmp.resolve("root");
        Path good = tmp.resolve("good.nix");
        Path wrong = tmp.resolve("wrong.nix");
        String fetch = "(import <sysbuild/os> { configuration = { }; }).pkgs.fetchDeb { path = /. + \"" + file + "\"; sha256 = \"";
        Files.writeString(good, fetch + sha256(tool) + "\"; }\n");
        Files.writeString(wrong, fetch + sha256("something else".getBytes()) + "\"; }\n");

        Cli ok = Cli.run("build", "--root", root.toString(), "--no-sandbox", "-q", "--no-link", good.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        String out = ok.out().trim();
        assertThat(out).endsWith("-tool-2.0-rc1-1");
        assertThat(root.resolve(out.substring(1)).resolve("usr/bin/tool")).hasContent("#!/bin/sh\necho tool");
        assertThat(root.resolve(out.substring(1)).resolve("nix-support/deb.json")).content().contains("\"postinst\"");

        Cli bad = Cli.run("build", "--root", root.toString(), "--no-sandbox", "-q", "--no-link", wrong.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("hash mismatch").contains("tool_2.0-rc1-1_all.deb");
    }

    private static String config(String packages, String extra) {
        return "{ pkgs, ... }: {\n  packages.debian.packageSet = ./debian.conf;\n  environment.systemPackages = with pkgs.debian; [ "
                + packages + " ];\n" + extra + "}\n";
    }

    @Test
    void aPackageSetFromADirectoryInstallsTheClosureAndCollisionsNameBothPackages() throws Exception {
        Path debs = tmp.resolve("config/debs");
        write("config/debs/app_1_all.deb", deb("app", "1", "libthing | libother", Map.of("usr/bin/app", "app 1"), false));
        write("config/debs/libthing_3_all.deb", deb("libthing", "3", null, Map.of("lib/libthing.so.3", "thing"), false));
        write("config/debs/rival_1_all.deb", deb("rival", "1", null, Map.of("usr/bin/app", "rival's app"), false));
        Cli index = Cli.run("debian", "index", "--base-url", "debs", debs.toString());
        assertThat(index.exitCode()).as(index.err()).isZero();
        assertThat(index.out()).contains("baseUrl = ./debs;");
        Files.writeString(tmp.resolve("config/debian.conf"), index.out());
        Path conf = tmp.resolve("config/system.conf");
        Path root = tmp.resolve("root");
        String[] common = {"--root", root.toString(), "--no-sandbox", "-f", conf.toString()};
        StoreLayout layout = new StoreLayout(root, StoreDir.DEFAULT);

        Files.writeString(conf, config("app", ""));
        Cli one = Cli.run(concat("switch", common));
        assertThat(one.exitCode()).as(one.out() + one.err()).isZero();
        assertThat(Files.readString(TargetPaths.resolve(layout, "/bin/app"))).isEqualTo("app 1");
        assertThat(Files.readString(TargetPaths.resolve(layout, "/lib/libthing.so.3"))).isEqualTo("thing");
        assertThat(Files.readSymbolicLink(root.resolve("usr")).toString()).endsWith("/sw/usr");

        Files.writeString(conf, config("app rival", ""));
        Cli clash = Cli.run(concat("switch", common));
        assertThat(clash.exitCode()).isEqualTo(1);
        assertThat(clash.err()).contains("collision at 'usr/bin/app'").containsPattern("-app-1'.*-rival-1'|-rival-1'.*-app-1'");
        assertThat(Files.readString(TargetPaths.resolve(layout, "/bin/app"))).isEqualTo("app 1");

        Files.writeString(conf, config("app (rival // { meta.priority = 4; })", ""));
        Cli wins = Cli.run(concat("switch", common));
        assertThat(wins.exitCode()).as(wins.out() + wins.err()).isZero();
        assertThat(Files.readString(TargetPaths.resolve(layout, "/usr/bin/app"))).isEqualTo("rival's app");
    }

    @Test
    void aRealUsrInTheRootIsLeftAloneAndTheSwitchRefused() throws Exception {
        Path debs = tmp.resolve("config/debs");
        write("config/debs/app_1_all.deb", deb("app", "1", null, Map.of("usr/bin/app", "app 1"), false));
        Files.writeString(tmp.resolve("config/debian.conf"), Cli.run("debian", "index", debs.toString()).out());
        Path conf = tmp.resolve("config/system.conf");
        Files.writeString(conf, config("app", ""));
        Path root = tmp.resolve("root");
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/mine"), "mine");

        Cli r = Cli.run("switch", "--root", root.toString(), "--no-sandbox", "-f", conf.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(root.resolve("usr") + " is a real directory that sysbuild did not make")
                .doesNotContain("\tat ");
        assertThat(root.resolve("usr/bin/mine")).hasContent("mine");
        assertThat(root.resolve("run/current-system")).doesNotExist();
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
