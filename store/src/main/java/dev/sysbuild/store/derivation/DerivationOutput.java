package dev.sysbuild.store.derivation;

import dev.sysbuild.store.NixBase32;
import dev.sysbuild.store.hash.HashAlgo;
import dev.sysbuild.store.path.FixedOutputHash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One output as the {@code .drv} file records it: the full store path, the hash algorithm field
 * ({@code [r:]<algo>}) and the base-16 hash. Kept as the three raw fields so that any {@code .drv}
 * reads back unchanged:
 *
 * <ul>
 *   <li>input-addressed: {@code (path, "", "")};
 *   <li>fixed-output: {@code (path, "[r:]<algo>", "<base16>")};
 *   <li>not computed yet (a draft, or the masked form hashed for output paths): path {@code ""};
 *   <li>floating content-addressed (experimental in Nix): {@code ("", "[r:]<algo>", "")}.
 * </ul>
 */
public record DerivationOutput(String path, String hashAlgo, String hash) {
    public DerivationOutput {
        if (path == null || hashAlgo == null || hash == null) throw new NullPointerException("output field is null");
    }

    /** An input-addressed output at {@code path} ({@code ""} until computed). */
    public static DerivationOutput inputAddressed(String path) {
        return new DerivationOutput(path, "", "");
    }

    /** An input-addressed output whose path is still to be computed. */
    public static DerivationOutput deferred() {
        return inputAddressed("");
    }

    /** A fixed output with the promised content hash, at {@code path} ({@code ""} until computed). */
    public static DerivationOutput fixed(String path, FixedOutputHash hash) {
        return new DerivationOutput(path, hash.methodAlgo(), hash.hash().toBase16());
    }

    public boolean isFixed() {
        return !hashAlgo.isEmpty() && !hash.isEmpty();
    }

    /** Content-addressed with the hash known only after building; Nix calls these floating. */
    public boolean isFloating() {
        return !hashAlgo.isEmpty() && hash.isEmpty();
    }

    /** The promised content hash of a fixed output. */
    public Optional<FixedOutputHash> fixedHash() {
        return isFixed() ? Optional.of(FixedOutputHash.parse(hashAlgo, hash)) : Optional.empty();
    }

    public DerivationOutput withPath(String newPath) {
        return new DerivationOutput(newPath, hashAlgo, hash);
    }

    /**
     * {@code builtins.placeholder}: {@code /} + nix32(sha256({@code nix-output:<name>})), a string
     * the builder replaces by the output's real path (Nix's {@code hashPlaceholder}).
     */
    public static String placeholder(String outputName) {
        byte[] text = ("nix-output:" + outputName).getBytes(StandardCharsets.ISO_8859_1);
        return "/" + NixBase32.encode(HashAlgo.SHA256.hash(text).bytes());
    }
}
