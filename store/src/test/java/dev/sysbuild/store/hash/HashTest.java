package dev.sysbuild.store.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Hash encodings. Every expected value came from Nix 2.8.0 ({@code nix-hash}, {@code nix hash
 * to-sri}), as recorded in shared/notes/nix-formats.md section 1.
 */
class HashTest {
    private static Hash sha256(String text) {
        return HashAlgo.SHA256.hash(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void base16ToNix32LikeNixHashToBase32() {
        Hash empty = Hash.parseAny("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HashAlgo.SHA256);
        assertThat(empty).isEqualTo(sha256(""));
        assertThat(empty.toNix32()).isEqualTo("0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73");
    }

    @Test
    void uppercaseBase16IsAccepted() {
        Hash hello = Hash.parseAny("2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", HashAlgo.SHA256);
        assertThat(hello).isEqualTo(sha256("hello"));
        assertThat(hello.toNix32()).isEqualTo("094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic");
        assertThat(hello.toBase16()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void nix32ToBase16LikeNixHashToBase16() {
        Hash abc = Hash.parseAny("1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s", HashAlgo.SHA256);
        assertThat(abc.toBase16()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(abc).isEqualTo(sha256("abc"));
    }

    @Test
    void aLeadingOneIsBit255AndATwoIsRejected() {
        assertThat(Hash.parseAny("1mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", HashAlgo.SHA256).toBase16())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8d5");
        assertThatThrownBy(() -> Hash.parseAny("2mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", HashAlgo.SHA256))
                .isInstanceOf(InvalidHashException.class)
                .hasMessage("invalid base-32 hash '2mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73'");
    }

    @Test
    void md5AndSha1InNix32() {
        assertThat(Hash.parseAny("d41d8cd98f00b204e9800998ecf8427e", HashAlgo.MD5).toNix32())
                .isEqualTo("3y8bwfr609h3lh9ch0izcqq7fl");
        assertThat(Hash.parseAny("da39a3ee5e6b4b0d3255bfef95601890afd80709", HashAlgo.SHA1).toNix32())
                .isEqualTo("143xibwh31h9bvxzalr0sjvbbvpa6ffs");
        assertThat(HashAlgo.MD5.hash(new byte[0]).toBase16()).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void sriLikeNixHashToSri() {
        Hash hello = sha256("hello");
        assertThat(hello.toSri()).isEqualTo("sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=");
        assertThat(Hash.parseAny("sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=")).isEqualTo(hello);
        assertThat(Hash.parseSri(hello.toSri())).isEqualTo(hello);
    }

    @Test
    void everyFormRoundTripsForEveryAlgorithm() {
        for (HashAlgo algo : HashAlgo.values()) {
            Hash h = algo.hash("round trip".getBytes(StandardCharsets.UTF_8));
            assertThat(h.toBase16()).hasSize(algo.base16Length());
            assertThat(h.toNix32()).hasSize(algo.nix32Length());
            assertThat(h.toBase64()).hasSize(algo.base64Length());
            for (HashFormat f : HashFormat.values()) {
                assertThat(Hash.parseAny(h.toPrefixed(f))).as("%s %s", algo, f).isEqualTo(h);
                if (f != HashFormat.SRI) assertThat(Hash.parseAny(h.to(f), algo)).as("%s bare %s", algo, f).isEqualTo(h);
            }
        }
    }

    @Test
    void prefixedFormsNameTheAlgorithm() {
        Hash h = sha256("");
        assertThat(h.toPrefixed(HashFormat.BASE16))
                .isEqualTo("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(h.toPrefixed(HashFormat.NIX32)).isEqualTo("sha256:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73");
        assertThat(Hash.parseAny("sha256:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73")).isEqualTo(h);
    }

    @Test
    void parseErrorsSayWhatIsWrong() {
        assertThatThrownBy(() -> Hash.parseAny("0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73"))
                .hasMessageContaining("does not include a type");
        assertThatThrownBy(() -> Hash.parseAny("sha1:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", HashAlgo.SHA256))
                .hasMessageContaining("should have type 'sha256'");
        assertThatThrownBy(() -> Hash.parseAny("sha3:abcd")).hasMessageContaining("unknown hash algorithm 'sha3'");
        assertThatThrownBy(() -> Hash.parseAny("sha256:abcd")).hasMessageContaining("wrong length for hash type 'sha256'");
        assertThatThrownBy(() -> Hash.parseAny("sha256-AAAA")).hasMessageContaining("invalid SRI hash");
        assertThatThrownBy(() -> Hash.parseAny("md5:zz1d8cd98f00b204e9800998ecf8427e"))
                .hasMessageContaining("invalid base-16 hash");
    }

    @Test
    void foldXorsIntoTwentyBytesLikeNixHashTruncate() {
        // sha256 of the toFile "hello.txt" fingerprint and its fold, section 2 of the notes
        Hash h = Hash.parseAny("606177ccacfaa6fe7a1827dc2c43ee5db88ac324c7b3f252e3b01e14bf61859d", HashAlgo.SHA256);
        assertThat(HexFormat.of().formatHex(h.fold(20))).isEqualTo("a7d2859e4f4ab8eac579a2412c43ee5db88ac324");
    }

    @Test
    void hashSinkDigestsAndCountsAStream() {
        HashSink sink = new HashSink(HashAlgo.SHA256);
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        sink.write(hello, 0, 2);
        sink.write(hello, 2, 3);
        assertThat(sink.size()).isEqualTo(5);
        assertThat(sink.finish()).isEqualTo(sha256("hello"));
        assertThatThrownBy(() -> sink.write(1)).isInstanceOf(IllegalStateException.class);
    }
}
