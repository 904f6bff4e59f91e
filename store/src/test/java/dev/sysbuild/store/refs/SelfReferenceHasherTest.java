package dev.sysbuild.store.refs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.nar.Nar;
import dev.sysbuild.store.nar.NarWriter;
import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-references. Reproduces {@code nix store make-content-addressed} of the scan output of
 * shared/notes/nix-formats.md section 5; the resulting paths and inner hash came from Nix 2.8.0
 * as recorded in section 2.
 */
class SelfReferenceHasherTest {
    private static final StoreDir NIX = new StoreDir("/nix/store");

    @TempDir
    Path dir;

    private Path storeFile(String name, String contents) throws IOException {
        Path f = Files.writeString(dir.resolve(name), contents);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("r--r--r--"));
        return f;
    }

    @Test
    void makeContentAddressedOfTheScanOutput() throws IOException {
        // make-content-addressed first turns dep1 and dep2 (text paths) into source paths ...
        StorePath dep1 = NIX.sourcePath("dep1", Nar.hash(storeFile("dep1", "one"), HashAlgo.SHA256), List.of(), false);
        StorePath dep2 = NIX.sourcePath("dep2", Nar.hash(storeFile("dep2", "two"), HashAlgo.SHA256), List.of(), false);
        assertThat(NIX.print(dep1)).isEqualTo("/nix/store/bq5c4lkvnv4wf8a0x9y7pnl7zlqaflx7-dep1");
        assertThat(NIX.print(dep2)).isEqualTo("/nix/store/61ysvsv9l9xkhms4bkjivh3dlkfr6zf3-dep2");
        // ... rewrites full printed paths of references (the bare dep2 hash part stays) ...
        String rewritten = ReferenceScannerTest.SCAN_OUTPUT
                .replace("/nix/store/jk331mzgph66qwj9sbn53r6m527jjy3r-dep1", NIX.print(dep1))
                .replace("/nix/store/f4pccjqri5iwk6hf30c28kf0lbm3ckcy-dep2", NIX.print(dep2));
        Path scan = storeFile("scan", rewritten);
        // ... and hashes the NAR modulo its own old hash part.
        SelfReferenceHasher hasher = new SelfReferenceHasher(HashAlgo.SHA256, "qbvwnjqr3w3pf3xmp83kir7nyyaww7bx");
        NarWriter.dump(scan, hasher);
        Hash inner = hasher.finish();
        assertThat(hasher.matches()).containsExactly(96L + 49 + 33 + 11);
        assertThat(inner.toBase16()).isEqualTo("28b529cc5127527027f04c130f2fe64f96902991ea5d6ccffebc3f6c1c1e1375");
        assertThat(NIX.print(NIX.sourcePath("scan", inner, List.of(dep1, dep2), true)))
                .isEqualTo("/nix/store/ij2is64anvp1iwihhy5pa1wczaixagzb-scan");
    }

    @Test
    void theHashIsTheBlankedStreamFollowedByTheOffsets() {
        String hashPart = "qbvwnjqr3w3pf3xmp83kir7nyyaww7bx";
        byte[] data = ("ab" + hashPart + "c" + hashPart).getBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("ab".getBytes());
        expected.writeBytes(new byte[32]);
        expected.writeBytes("c".getBytes());
        expected.writeBytes(new byte[32]);
        expected.writeBytes("|2|35".getBytes());
        Hash want = HashAlgo.SHA256.hash(expected.toByteArray());
        for (int chunk = 1; chunk <= data.length; chunk++) {
            SelfReferenceHasher hasher = new SelfReferenceHasher(HashAlgo.SHA256, hashPart);
            for (int pos = 0; pos < data.length; pos += chunk) hasher.write(data, pos, Math.min(chunk, data.length - pos));
            assertThat(hasher.finish()).as("chunks of %d", chunk).isEqualTo(want);
            assertThat(hasher.matches()).containsExactly(2L, 35L);
        }
    }
}
