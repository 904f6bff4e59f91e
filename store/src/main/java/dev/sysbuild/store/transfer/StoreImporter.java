package dev.sysbuild.store.transfer;

import com.github.luben.zstd.ZstdInputStream;
import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.hash.HashFormat;
import dev.sysbuild.store.hash.HashSink;
import dev.sysbuild.store.local.LocalStore;
import dev.sysbuild.store.local.PathInfo;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads an archive {@link StoreExporter} wrote into a store. Everything is checked before
 * anything is registered: the whole archive is unpacked into a temporary directory in the store
 * (a {@code .tmp-} entry, so a crash leaves garbage the collector removes), every NAR must have
 * its manifest's size and hash, every path in the manifest must have its NAR and nothing else
 * may be in the archive, and every reference must be in the archive or already valid. Only then
 * is each path added, dependencies first, through {@link LocalStore#addNarToStore}, which stages,
 * canonicalises and checks the hash once more before its commit.
 *
 * <p>The hashes protect against damage, not against a forger: whoever can rewrite a NAR can
 * rewrite the manifest's hash too. Signatures are not part of this format.
 */
public final class StoreImporter {
    /** A manifest larger than this is not one we wrote (an entry takes about 400 bytes). */
    private static final int MAX_MANIFEST = 256 << 20;

    private StoreImporter() {}

    /** Imports the archive read from {@code in}; returns the paths it holds, dependencies first. */
    public static List<StorePath> importArchive(LocalStore store, InputStream in) throws IOException {
        Path temp = Files.createTempDirectory(store.layout().physicalStoreDir(), ".tmp-import-");
        try {
            Checked archive = unpack(store, in, temp);
            checkClosed(archive.manifest(), store);
            List<StorePath> imported = new ArrayList<>();
            for (Manifest.Entry e : dependenciesFirst(archive.manifest())) {
                store.addNarToStore(e.path(), e.narHash(), e.references(), e.deriver(), archive.nars().get(e.path()));
                imported.add(e.path());
            }
            return imported;
        } finally {
            deleteTree(temp);
        }
    }

    /**
     * Repairs the {@code damaged} valid paths that the archive holds with their recorded NAR hash
     * ({@code store verify --repair-from}); returns the paths repaired. The archive is checked
     * completely first, as for an import.
     */
    public static List<StorePath> repair(LocalStore store, InputStream in, Collection<StorePath> damaged)
            throws IOException {
        Path temp = Files.createTempDirectory(store.layout().physicalStoreDir(), ".tmp-import-");
        try {
            Checked archive = unpack(store, in, temp);
            List<StorePath> repaired = new ArrayList<>();
            for (Manifest.Entry e : archive.manifest().entries()) {
                if (!damaged.contains(e.path())) continue;
                Optional<PathInfo> info = store.queryPathInfo(e.path());
                if (info.isEmpty() || !info.get().narHash().equals(e.narHash())) continue; // another version
                store.repairFromNar(e.path(), archive.nars().get(e.path()));
                repaired.add(e.path());
            }
            return repaired;
        } finally {
            deleteTree(temp);
        }
    }

    /** A manifest and its NARs, unpacked into files and each checked against the manifest. */
    private record Checked(Manifest manifest, Map<StorePath, Path> nars) {}

    private static Checked unpack(LocalStore store, InputStream in, Path temp) throws IOException {
        Map<StorePath, Path> nars = new HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ZstdInputStream(in),
                StandardCharsets.UTF_8.name())) {
            Manifest manifest = readManifest(tar, store);
            Map<String, Manifest.Entry> byMember = new HashMap<>();
            for (Manifest.Entry e : manifest.entries()) byMember.put(Manifest.narMemberName(e.path()), e);
            TarArchiveEntry member;
            while ((member = tar.getNextEntry()) != null) {
                Manifest.Entry e = byMember.remove(member.getName());
                if (e == null) throw refused("it holds '" + member.getName() + "', which its manifest does not list"
                        + " (or lists once)");
                Path nar = temp.resolve(nars.size() + ".nar");
                checkNar(tar, e, nar, store);
                nars.put(e.path(), nar);
            }
            if (!byMember.isEmpty()) {
                throw refused("the NAR of '" + store.storeDir().print(byMember.values().iterator().next().path())
                        + "' is missing (" + byMember.size() + " missing in all)");
            }
            return new Checked(manifest, nars);
        } catch (ArchiveException e) {
            throw e;
        } catch (IOException e) {
            throw new ArchiveException("cannot import: the archive is not a readable zstd-compressed tar (truncated"
                    + " or damaged?): " + e.getMessage() + "; nothing was imported", e);
        }
    }

    private static Manifest readManifest(TarArchiveInputStream tar, LocalStore store) throws IOException {
        TarArchiveEntry first = tar.getNextEntry();
        if (first == null || !first.getName().equals(Manifest.FILE_NAME)) {
            throw refused("its first member is not " + Manifest.FILE_NAME);
        }
        if (first.getSize() > MAX_MANIFEST) throw refused("its manifest is " + first.getSize() + " bytes long");
        String text = new String(tar.readNBytes((int) first.getSize()), StandardCharsets.UTF_8);
        try {
            return Manifest.parse(text, store.storeDir());
        } catch (ArchiveException e) {
            throw refused(e.getMessage());
        }
    }

    /** Copies one NAR member to {@code target}, refusing it unless its size and hash are the manifest's. */
    private static void checkNar(InputStream member, Manifest.Entry e, Path target, LocalStore store) throws IOException {
        HashSink sink = new HashSink(HashAlgo.SHA256);
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = member.read(buf)) > 0) {
                sink.write(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        Hash got = sink.finish();
        String shown = store.storeDir().print(e.path());
        if (sink.size() != e.narSize() || !got.equals(e.narHash())) {
            throw refused("the NAR of '" + shown + "' is damaged or was changed: it has hash "
                    + got.toPrefixed(HashFormat.NIX32) + " and " + sink.size() + " bytes, but the manifest says "
                    + e.narHash().toPrefixed(HashFormat.NIX32) + " and " + e.narSize() + " bytes");
        }
    }

    private static void checkClosed(Manifest manifest, LocalStore store) throws IOException {
        Map<StorePath, Manifest.Entry> inArchive = new HashMap<>();
        for (Manifest.Entry e : manifest.entries()) inArchive.put(e.path(), e);
        for (Manifest.Entry e : manifest.entries()) {
            for (StorePath r : e.references()) {
                if (!inArchive.containsKey(r) && !store.isValid(r)) {
                    throw refused("'" + store.storeDir().print(e.path()) + "' references '" + store.storeDir().print(r)
                            + "', which is neither in the archive nor valid in this store");
                }
            }
        }
    }

    private static List<Manifest.Entry> dependenciesFirst(Manifest manifest) throws ArchiveException {
        Map<StorePath, Manifest.Entry> byPath = new HashMap<>();
        for (Manifest.Entry e : manifest.entries()) byPath.put(e.path(), e);
        List<Manifest.Entry> ordered = new ArrayList<>();
        Map<StorePath, Boolean> state = new HashMap<>(); // false: on the stack, true: done
        for (Manifest.Entry e : manifest.entries()) visit(e, byPath, state, ordered);
        return ordered;
    }

    private static void visit(Manifest.Entry e, Map<StorePath, Manifest.Entry> byPath, Map<StorePath, Boolean> state,
            List<Manifest.Entry> ordered) throws ArchiveException {
        Boolean s = state.get(e.path());
        if (Boolean.TRUE.equals(s)) return;
        if (s != null) throw refused("its manifest has a reference cycle through '" + e.path() + "'");
        state.put(e.path(), false);
        for (StorePath r : e.references()) {
            Manifest.Entry dep = byPath.get(r);
            if (dep != null && !r.equals(e.path())) visit(dep, byPath, state, ordered);
        }
        state.put(e.path(), true);
        ordered.add(e);
    }

    private static ArchiveException refused(String why) {
        return new ArchiveException("cannot import: " + why + "; nothing was imported");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
