package dev.sysbuild.store.nar;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * File names as bytes. Java decodes names with {@code sun.jnu.encoding}; encoding with the same
 * charset gives back the bytes on disk, provided they were valid in it. Strict coders make the
 * other case an error instead of a silent U+FFFD (which would hash a name that does not exist).
 */
final class NativeNames {
    private static final Charset CHARSET = charset();

    private NativeNames() {}

    private static Charset charset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name != null ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    static byte[] encode(String name) throws CharacterCodingException {
        ByteBuffer buf = CHARSET.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(name));
        byte[] out = new byte[buf.remaining()];
        buf.get(out);
        return out;
    }

    static String decode(byte[] name) throws CharacterCodingException {
        return CHARSET.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(name))
                .toString();
    }

    static String charsetName() {
        return CHARSET.name();
    }
}
