package dev.sysbuild.store.refs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.store.path.StoreDir;
import dev.sysbuild.store.path.StorePath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference scanning. The scenario, its paths and the references Nix found came from Nix 2.8.0
 * ({@code nix-store -q --references}), as recorded in shared/notes/nix-formats.md section 5.
 */
class ReferenceScannerTest {
    private static final StoreDir NIX = new StoreDir("/nix/store");

    private static StorePath toFile(String name, String contents) {
        return NIX.textPath(name, contents.getBytes(StandardCharsets.UTF_8), List.of());
    }

    private static final StorePath DEP1 = toFile("dep1", "one");
    private static final StorePath DEP2 = toFile("dep2", "two");
    private static final StorePath DEP3 = toFile("dep3", "three");
    private static final StorePath SCAN = NIX.parse("/nix/store/qbvwnjqr3w3pf3xmp83kir7nyyaww7bx-scan");

    /** What the scan builder wrote to $out. */
    static final String SCAN_OUTPUT = "/nix/store/jk331mzgph66qwj9sbn53r6m527jjy3r-dep1\n"
            + "f4pccjqri5iwk6hf30c28kf0lbm3ckcy\n"
            + "/nix/store/qbvwnjqr3w3pf3xmp83kir7nyyaww7bx-scan\n";

    @TempDir
    Path dir;

    @Test
    void theInputsAreTheToFilePathsOfTheNotes() {
        assertThat(NIX.print(DEP1)).isEqualTo("/nix/store/jk331mzgph66qwj9sbn53r6m527jjy3r-dep1");
        assertThat(NIX.print(DEP2)).isEqualTo("/nix/store/f4pccjqri5iwk6hf30c28kf0lbm3ckcy-dep2");
    }

    @Test
    void findsFullPathsBareHashPartsAndSelfButNotMereInputs() throws IOException {
        Path out = Files.writeString(dir.resolve("scan"), SCAN_OUTPUT);
        assertThat(ReferenceScanner.scan(out, List.of(DEP1, DEP2, DEP3, SCAN))).containsExactly(DEP2, DEP1, SCAN); // sorted by base name
    }

    @Test
    void howTheStreamIsCutDoesNotMatter() {
        byte[] data = ("junk" + SCAN_OUTPUT + "more junk").getBytes(StandardCharsets.US_ASCII);
        List<String> candidates = List.of(DEP1.hashPart(), DEP2.hashPart(), DEP3.hashPart(), SCAN.hashPart());
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            ReferenceScanner scanner = new ReferenceScanner(candidates);
            int pos = 0;
            while (pos < data.length) {
                int n = Math.min(data.length - pos, 1 + random.nextInt(round % 2 == 0 ? 3 : 40));
                scanner.write(data, pos, n);
                pos += n;
            }
            assertThat(scanner.found()).as("round %d", round)
                    .containsExactlyInAnyOrder(DEP1.hashPart(), DEP2.hashPart(), SCAN.hashPart());
        }
    }

    @Test
    void aHashPartInsideALongerRunStillCounts() throws IOException {
        String text = "xx" + DEP1.hashPart() + "zz";
        assertThat(ReferenceScanner.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), List.of(DEP1)))
                .containsExactly(DEP1);
    }

    @Test
    void matchingIsExactAndCaseSensitive() throws IOException {
        String text = DEP1.hashPart().toUpperCase() + " " + DEP1.hashPart().substring(1);
        assertThat(ReferenceScanner.scan(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), List.of(DEP1)))
                .isEmpty();
    }

    @Test
    void namesAndSymlinkTargetsAreScannedToo() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.createSymbolicLink(root.resolve("link"), Path.of(NIX.print(DEP1) + "/bin"));
        Files.writeString(root.resolve(DEP2.hashPart()), "");
        assertThat(ReferenceScanner.scan(root, List.of(DEP1, DEP2, DEP3))).containsExactly(DEP2, DEP1);
    }
}
