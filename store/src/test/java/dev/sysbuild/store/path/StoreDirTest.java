package dev.sysbuild.store.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.store.hash.Hash;
import dev.sysbuild.store.hash.HashAlgo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Store path computation. Every expected path and fingerprint came from Nix 2.8.0 with store
 * {@code /nix/store}, as recorded in shared/notes/nix-formats.md sections 2 and 6; inner hashes
 * quoted here are the ones the notes give (NAR hashes are checked against real trees in NarTest).
 */
class StoreDirTest {
    private static final StoreDir NIX = new StoreDir("/nix/store");
    private static final StorePath HELLO = NIX.parse("/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt");

    private static Hash sha256(String hex) {
        return Hash.parseBare(hex, HashAlgo.SHA256);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void toFileIsATextPathOverTheContents() {
        Hash inner = HashAlgo.SHA256.hash(bytes("hi"));
        assertThat(inner.toBase16()).isEqualTo("8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4");
        String f = NIX.fingerprint("text", inner, "hello.txt");
        assertThat(f).isEqualTo("text:sha256:8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4:/nix/store:hello.txt");
        assertThat(HashAlgo.SHA256.hash(bytes(f)).toBase16())
                .isEqualTo("606177ccacfaa6fe7a1827dc2c43ee5db88ac324c7b3f252e3b01e14bf61859d");
        assertThat(NIX.print(NIX.textPath("hello.txt", bytes("hi"), List.of())))
                .isEqualTo("/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt");
    }

    @Test
    void textReferencesJoinTheType() {
        String contents = "see /nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt";
        Hash inner = HashAlgo.SHA256.hash(bytes(contents));
        assertThat(inner.toBase16()).isEqualTo("d763e4993063cc5ee16db3eb9d9969899772e1bfab7a1660a9f58ee577d9e111");
        assertThat(NIX.print(NIX.textPath("ref.txt", bytes(contents), List.of(HELLO))))
                .isEqualTo("/nix/store/isn9fn4knd0d2vpkf1gdllrs2kxxp6va-ref.txt");
        // unsafeDiscardStringContext: same text, no reference
        assertThat(NIX.print(NIX.textPath("ref.txt", bytes(contents), List.of())))
                .isEqualTo("/nix/store/7zhghx5s0hn32j5pmvcl0bhb7vj7nxny-ref.txt");
    }

    @Test
    void namesThatTwoEightAcceptAndRefuse() {
        assertThat(NIX.print(NIX.textPath(".", bytes("x"), List.of())))
                .isEqualTo("/nix/store/1ka9gw6ddkrf0b8k65q7p46xbgb9wdr8-.");
        assertThatThrownBy(() -> NIX.textPath("a b", bytes("x"), List.of()))
                .isInstanceOf(InvalidStorePathException.class)
                .hasMessage("store path 'dm85kbl5cy82j2dzvy1874s14y3salv3-a b' contains illegal character ' '");
    }

    @Test
    void sourcePathsFromNarHashes() {
        Hash tree = sha256("afb3218dd95888ea96c7c9b76a5644054a433d5b534ad866c5265564afb54260");
        assertThat(NIX.fingerprint("source", tree, "tree"))
                .isEqualTo("source:sha256:afb3218dd95888ea96c7c9b76a5644054a433d5b534ad866c5265564afb54260:/nix/store:tree");
        assertThat(NIX.print(NIX.sourcePath("tree", tree, List.of(), false)))
                .isEqualTo("/nix/store/y0sgp4sv4zgvq4kljvnzvg2x8blddn7i-tree");
        // builtins.path { name = "renamed"; }: same inner hash, other name
        assertThat(NIX.print(NIX.sourcePath("renamed", tree, List.of(), false)))
                .isEqualTo("/nix/store/7rrxg1n04szmnmlsafsg35qhakzphfn9-renamed");
        // filterSource dropping the symlink
        assertThat(NIX.print(NIX.sourcePath("tree",
                sha256("bd920f25698ab70bdb53fa33c96ff3d231a3872708fa082604b349b0987e2620"), List.of(), false)))
                .isEqualTo("/nix/store/ncps1fgd5zy8yijxsxs3602wl76ii9k9-tree");
        // "${./tree/c}": a root symlink is stored as a symlink
        assertThat(NIX.print(NIX.sourcePath("c",
                sha256("b2d471a08d30662f14c0ae1e718b16f9fc1f38de425f47cca0437e9e93bc1f24"), List.of(), false)))
                .isEqualTo("/nix/store/6x7vngicb0kfpzsbj9viwmcx7qynjyn8-c");
    }

    @Test
    void sourcePathsOfStorePathsCarryTheirReferences() {
        Hash refTxt = sha256("84cb545f8528d1698cb9c1b127c139d59e20587bf0cd91d25fff353d967606db");
        assertThat(NIX.fingerprint("source:" + NIX.print(HELLO), refTxt, "copy")).isEqualTo(
                "source:/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt:sha256:84cb545f8528d1698cb9c1b127c139d59e20587bf0cd91d25fff353d967606db:/nix/store:copy");
        assertThat(NIX.print(NIX.sourcePath("copy", refTxt, List.of(HELLO), false)))
                .isEqualTo("/nix/store/mi1flyq8fffycify189i3fw8k2hx953j-copy");
        // what nix-instantiate --eval (read-only) gives: references dropped
        assertThat(NIX.print(NIX.sourcePath("copy", refTxt, List.of(), false)))
                .isEqualTo("/nix/store/wxz3hb609v50bhg6skji227vwwhkhlkl-copy");
        // without a name, 2.8 names it after the whole base name, hash part included
        assertThat(NIX.print(NIX.sourcePath("isn9fn4knd0d2vpkf1gdllrs2kxxp6va-ref.txt", refTxt, List.of(HELLO), false)))
                .isEqualTo("/nix/store/gpx0v2ak1s6vfcrw4m34l766aq4rpz4m-isn9fn4knd0d2vpkf1gdllrs2kxxp6va-ref.txt");
    }

    @Test
    void referencesAreSortedAndSelfComesLast() {
        StorePath dep2 = NIX.parse("/nix/store/61ysvsv9l9xkhms4bkjivh3dlkfr6zf3-dep2");
        StorePath dep1 = NIX.parse("/nix/store/bq5c4lkvnv4wf8a0x9y7pnl7zlqaflx7-dep1");
        Hash inner = sha256("28b529cc5127527027f04c130f2fe64f96902991ea5d6ccffebc3f6c1c1e1375");
        // nix store make-content-addressed of the scan output of section 5; given out of order on purpose
        assertThat(NIX.print(NIX.sourcePath("scan", inner, List.of(dep1, dep2), true)))
                .isEqualTo("/nix/store/ij2is64anvp1iwihhy5pa1wczaixagzb-scan");
    }

    @Test
    void flatFixedOutputsGoThroughFixedOut() {
        Hash x = HashAlgo.SHA256.hash(bytes("x"));
        assertThat(x.toBase16()).isEqualTo("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
        FixedOutputHash flat = FixedOutputHash.flat(x);
        assertThat(flat.innerFingerprint())
                .isEqualTo("fixed:out:sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881:");
        assertThat(HashAlgo.SHA256.hash(bytes(flat.innerFingerprint())).toBase16())
                .isEqualTo("5d565b607ba6dc8b3710118bb9523718f8286cbae30312542409ca094f4b0c45");
        assertThat(NIX.print(NIX.fixedOutputPath("a", flat))).isEqualTo("/nix/store/kr3vy2qr7m4n22wc5q773cryxqz3m24w-a");
    }

    @Test
    void recursiveSha256FixedOutputsAreSourcePaths() {
        Hash narOfX = sha256("2ca0b8ce996f865db37619bfe91023559305aad8158042fc6ddb0ef1d43c5b67");
        assertThat(NIX.print(NIX.fixedOutputPath("a", FixedOutputHash.recursive(narOfX))))
                .isEqualTo("/nix/store/bgx7nx44cfl4yl5cqgmq9vnszn9xmk2q-a");
        assertThat(NIX.print(NIX.fixedOutputPath("fod-rec", FixedOutputHash.recursive(narOfX))))
                .isEqualTo("/nix/store/pvssz41fgl8x6lfp9dq1nyfypiq5plhm-fod-rec");
    }

    @Test
    void recursiveSha1AndFlatSha512UseOutputOut() {
        FixedOutputHash sha1 = FixedOutputHash.recursive(new Hash(HashAlgo.SHA1, new byte[20]));
        assertThat(sha1.innerFingerprint()).isEqualTo("fixed:out:r:sha1:0000000000000000000000000000000000000000:");
        assertThat(HashAlgo.SHA256.hash(bytes(sha1.innerFingerprint())).toBase16())
                .isEqualTo("78d07c9e09dc8be71067a7b9afef04cbd4612b36a0c339b389e4a482f9e04c4b");
        assertThat(NIX.print(NIX.fixedOutputPath("fod-sha1", sha1)))
                .isEqualTo("/nix/store/zvbc2hk2nkjis592rdq4zdw0yfg8qdr0-fod-sha1");
        FixedOutputHash sha512 = FixedOutputHash.flat(HashAlgo.SHA512.hash(bytes("x")));
        assertThat(NIX.print(NIX.fixedOutputPath("fod-sha512", sha512)))
                .isEqualTo("/nix/store/v4jy9z31gzvixd9v4h9hcmaspf4f7y0z-fod-sha512");
    }

    @Test
    void onlySourceAddressedPathsMayHaveReferences() {
        FixedOutputHash flat = FixedOutputHash.flat(HashAlgo.SHA256.hash(bytes("x")));
        assertThatThrownBy(() -> NIX.fixedOutputPath("a", flat, List.of(HELLO), false))
                .hasMessageContaining("cannot have references");
    }

    @Test
    void outputsOtherThanOutAreSuffixed() {
        assertThat(StoreDir.outputPathName("multi", "out")).isEqualTo("multi");
        assertThat(StoreDir.outputPathName("multi", "dev")).isEqualTo("multi-dev");
        Hash masked = sha256("95531ca2ca6e272465687edd2a788950a31bfc2ff94426fc3c30ec39ac7719ab");
        assertThat(NIX.print(NIX.outputPath("multi", "dev", masked)))
                .isEqualTo("/nix/store/hll64ihz7q6m97vvfg5xckgdjvbmgfwp-multi-dev");
        assertThat(NIX.print(NIX.outputPath("multi", "out", masked)))
                .isEqualTo("/nix/store/azcf7ns4lfq1slpkdgmsx4kmfqj42swk-multi");
    }

    @Test
    void theStoreDirectoryIsPartOfThePath() {
        StorePath ours = StoreDir.DEFAULT.textPath("hello.txt", bytes("hi"), List.of());
        assertThat(StoreDir.DEFAULT.print(ours)).startsWith("/sysbuild/store/").endsWith("-hello.txt");
        assertThat(ours.hashPart()).isNotEqualTo("4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7");
        assertThat(new StoreDir("/nix/store/").path()).isEqualTo("/nix/store");
        assertThatThrownBy(() -> new StoreDir("nix/store")).hasMessageContaining("absolute");
    }

    @Test
    void parsingFullPaths() {
        assertThat(HELLO.name()).isEqualTo("hello.txt");
        assertThat(NIX.storePathOf("/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt/sub/file")).isEqualTo(HELLO);
        assertThat(NIX.isStorePath("/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt/sub")).isFalse();
        assertThat(NIX.isStorePath("/sysbuild/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt")).isFalse();
        assertThatThrownBy(() -> NIX.parse("/tmp/x")).hasMessage("path '/tmp/x' is not in the store /nix/store");
    }
}
