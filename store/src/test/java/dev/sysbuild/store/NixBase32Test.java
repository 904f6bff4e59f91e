package dev.sysbuild.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Vectors from nix-hash 2.8 (shared/notes/nix-formats.md, section 1). */
class NixBase32Test {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void encodesSha256LikeNixHash() {
        assertThat(NixBase32.encode(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")))
                .isEqualTo("0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73");
        assertThat(NixBase32.encode(hex("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")))
                .isEqualTo("094qif9n4cq4fdg459qzbhg1c6wywawwaaivx0k0x8xhbyx4vwic");
    }

    @Test
    void encodesMd5Sha1AndStorePathHashes() {
        assertThat(NixBase32.encode(hex("d41d8cd98f00b204e9800998ecf8427e"))).isEqualTo("3y8bwfr609h3lh9ch0izcqq7fl");
        assertThat(NixBase32.encode(hex("da39a3ee5e6b4b0d3255bfef95601890afd80709")))
                .isEqualTo("143xibwh31h9bvxzalr0sjvbbvpa6ffs");
        assertThat(NixBase32.encode(hex("a7d2859e4f4ab8eac579a2412c43ee5db88ac324")))
                .isEqualTo("4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7");
    }

    @Test
    void lengthsFollowTheHashSize() {
        assertThat(NixBase32.encodedLength(16)).isEqualTo(26);
        assertThat(NixBase32.encodedLength(20)).isEqualTo(32);
        assertThat(NixBase32.encodedLength(32)).isEqualTo(52);
        assertThat(NixBase32.encodedLength(64)).isEqualTo(103);
    }

    @Test
    void decodesBackToTheBytes() {
        assertThat(NixBase32.decode("1b8m03r63zqhnjf7l5wnldhh7c134ap5vpj0850ymkq1iyzicy5s", 32))
                .isEqualTo(hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(NixBase32.decode("4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7", 20))
                .isEqualTo(hex("a7d2859e4f4ab8eac579a2412c43ee5db88ac324"));
    }

    @Test
    void aLeadingOneSetsTheTopBitOfSha256() {
        assertThat(NixBase32.decode("1mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", 32))
                .isEqualTo(hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8d5"));
    }

    @Test
    void rejectsBitsBeyondTheHashSize() {
        assertThatThrownBy(() -> NixBase32.decode("2mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73", 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid base-32 hash");
    }

    @Test
    void rejectsLettersOutsideTheAlphabetAndWrongLengths() {
        assertThatThrownBy(() -> NixBase32.decode("eeeeeeeeeeeeeeeeeeeeeeeeee", 16))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NixBase32.decode("00", 16)).isInstanceOf(IllegalArgumentException.class);
        assertThat(NixBase32.isDigit('e')).isFalse();
        assertThat(NixBase32.isDigit('z')).isTrue();
    }
}
