package dev.sysbuild.store.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportImportTest {
    @TempDir
    Path tmp;

    LocalStore source;
    LocalStore target;
    StorePath lib;
    StorePath app;

    @BeforeEach
    void stores() throws IOException {
        source = LocalStore.open(tmp.resolve("a"), StoreDir.DEFAULT);
        target = LocalStore.open(tmp.resolve("b"), StoreDir.DEFAULT);
        Path tree = Files.createDirectories(tmp.resolve("src/lib/bin"));
        Files.writeString(tree.resolve("tool"), "#!/bin/sh\necho hi\n");
        tree.resolve("tool").toFile().setExecutable(true);
        Files.createSymbolicLink(tree.getParent().resolve("link"), Path.of("bin/tool"));
        lib = source.addToStore(tree.getParent(), "lib");
        app = source.addTextToStore("app", ("uses " + source.storeDir().print(lib)).getBytes(StandardCharsets.UTF_8),
                List.of(lib));
    }

    private byte[] export(StorePath... paths) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StoreExporter.export(source, List.of(paths), out);
        return out.toByteArray();
    }

    @Test
    void roundTripIntoAFreshRootGivesTheSamePathsAndNarHashes() throws IOException {
        byte[] archive = export(app);

        List<StorePath> imported = StoreImporter.importArchive(target, new ByteArrayInputStream(archive));

        assertThat(imported).containsExactly(lib, app);
        for (StorePath p : List.of(lib, app)) {
            PathInfo there = target.queryPathInfo(p).orElseThrow();
            PathInfo here = source.queryPathInfo(p).orElseThrow();
            assertThat(there.narHash()).isEqualTo(here.narHash());
            assertThat(there.narSize()).isEqualTo(here.narSize());
            assertThat(there.references()).isEqualTo(here.references());
        }
        assertThat(target.verify(true)).isEmpty();
        assertThat(Files.readSymbolicLink(target.layout().physical(lib).resolve("link"))).isEqualTo(Path.of("bin/tool"));
        assertThat(Files.isExecutable(target.layout().physical(lib).resolve("bin/tool"))).isTrue();
        assertNoTemporaryEntries();
        // importing again changes nothing and is no error
        assertThat(StoreImporter.importArchive(target, new ByteArrayInputStream(archive))).containsExactly(lib, app);
    }

    @Test
    void aFlippedByteInANarIsRefusedAndNothingIsRegistered() throws IOException {
        byte[] archive = rewrite(export(app), members -> {
            byte[] nar = members.get("nar/" + lib.baseName() + ".nar");
            nar[nar.length - 40] ^= 1;
            return members;
        });

        assertRefused(archive, "the NAR of '" + source.storeDir().print(lib) + "' is damaged or was changed");
    }

    @Test
    void anEditedManifestHashIsRefused() throws IOException {
        String otherHash = source.queryPathInfo(app).orElseThrow().narHash().toPrefixed(
                dev.sysbuild.store.hash.HashFormat.NIX32);
        String libHash = source.queryPathInfo(lib).orElseThrow().narHash().toPrefixed(
                dev.sysbuild.store.hash.HashFormat.NIX32);
        byte[] archive = rewrite(export(app), members -> {
            String m = new String(members.get("manifest.json"), StandardCharsets.UTF_8);
            members.put("manifest.json", m.replace(libHash, otherHash).getBytes(StandardCharsets.UTF_8));
            return members;
        });

        assertRefused(archive, "the NAR of '" + source.storeDir().print(lib) + "' is damaged or was changed");
    }

    @Test
    void aDroppedReferencedPathIsRefused() throws IOException {
        byte[] appOnly = rewrite(export(app), members -> {
            members.remove("nar/" + lib.baseName() + ".nar");
            String m = new String(members.get("manifest.json"), StandardCharsets.UTF_8);
            // drop lib's entry: the first object in "paths", since it is listed dependencies first
            int start = m.indexOf("    {");
            int end = m.indexOf("    },", start) + "    },\n".length();
            members.put("manifest.json", (m.substring(0, start) + m.substring(end)).getBytes(StandardCharsets.UTF_8));
            return members;
        });

        assertRefused(appOnly, "references '" + source.storeDir().print(lib) + "', which is neither in the archive nor valid");
    }

    @Test
    void aMissingNarAnExtraMemberAndACutArchiveAreRefused() throws IOException {
        byte[] archive = export(app);
        assertRefused(rewrite(archive, m -> {
            m.remove("nar/" + app.baseName() + ".nar");
            return m;
        }), "the NAR of '" + source.storeDir().print(app) + "' is missing");
        assertRefused(rewrite(archive, m -> {
            m.put("nar/extra.nar", new byte[] {1});
            return m;
        }), "it holds 'nar/extra.nar', which its manifest does not list");
        assertRefused(java.util.Arrays.copyOf(archive, archive.length / 2), "not a readable zstd-compressed tar");
    }

    @Test
    void anArchiveForAnotherStoreDirectoryIsRefused() throws IOException {
        LocalStore nix = LocalStore.open(tmp.resolve("c"), new StoreDir("/nix/store"));
        assertThatThrownBy(() -> StoreImporter.importArchive(nix, new ByteArrayInputStream(export(lib))))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining("store directory '/sysbuild/store', not '/nix/store'");
    }

    @Test
    void aDamagedPathIsNotExported() throws IOException {
        Path file = source.layout().physical(app);
        file.toFile().setWritable(true);
        Files.writeString(file, "something else entirely, and longer");
        assertThatThrownBy(() -> export(app)).hasMessageContaining("no longer match its recorded NAR hash");
    }

    @Test
    void aDamagedPathIsRepairedFromAnArchiveThatHoldsItAsRecorded() throws IOException {
        byte[] sound = export(app);
        Path tool = source.layout().physical(lib).resolve("bin/tool");
        tool.getParent().toFile().setWritable(true);
        tool.toFile().setWritable(true);
        Files.writeString(tool, "#!/bin/sh\necho damaged\n");
        assertThat(source.findDamagedPaths()).containsExactly(lib);

        List<StorePath> repaired = StoreImporter.repair(source, new ByteArrayInputStream(sound), source.findDamagedPaths());

        assertThat(repaired).containsExactly(lib);
        assertThat(source.verify(true)).isEmpty();
        assertThat(Files.readString(tool)).isEqualTo("#!/bin/sh\necho hi\n");
        assertThat(Files.getPosixFilePermissions(tool)).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    }

    @Test
    void aRepairFromANarWithAnotherHashIsRefused() throws IOException {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(other.resolve("x"), "something else");
        Path nar = tmp.resolve("other.nar");
        try (var out = Files.newOutputStream(nar)) {
            dev.sysbuild.store.nar.NarWriter.dump(other, out);
        }
        assertThatThrownBy(() -> source.repairFromNar(lib, nar)).hasMessageContaining("the database records");
        assertThat(source.verify(true)).isEmpty();
    }

    private void assertRefused(byte[] archive, String message) throws IOException {
        assertThatThrownBy(() -> StoreImporter.importArchive(target, new ByteArrayInputStream(archive)))
                .isInstanceOf(ArchiveException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("nothing was imported");
        assertThat(target.validPaths()).isEmpty();
        assertThat(target.isValid(lib)).isFalse();
        assertNoTemporaryEntries();
    }

    private void assertNoTemporaryEntries() throws IOException {
        try (var s = Files.list(target.layout().physicalStoreDir())) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".tmp-")).toList()).isEmpty();
        }
    }

    /** Unpacks an archive's members, lets {@code edit} change them, and packs them again. */
    private static byte[] rewrite(byte[] archive, UnaryOperator<Map<String, byte[]>> edit) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdInputStream(new ByteArrayInputStream(archive)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) members.put(e.getName(), tar.readAllBytes());
        }
        members = edit.apply(members);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new ZstdOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> m : members.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(m.getKey());
                e.setSize(m.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(m.getValue());
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

}
