package dev.sysbuild.store.derivation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The golden {@code .drv} texts of Nix 2.8.0 under test resources (see nix-2.8/README.md). */
final class Golden {
    private Golden() {}

    static byte[] bytes(String file) {
        try (InputStream in = Golden.class.getResourceAsStream("/nix-2.8/drv/" + file)) {
            if (in == null) throw new IllegalStateException("missing test resource nix-2.8/drv/" + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As a byte string (one char per byte), the form derivation strings take. */
    static String text(String file) {
        return new String(bytes(file), StandardCharsets.ISO_8859_1);
    }
}
