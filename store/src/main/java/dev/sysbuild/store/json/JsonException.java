package dev.sysbuild.store.json;

/** Malformed JSON, or a value JSON cannot hold; the message says what and at which offset. */
public final class JsonException extends RuntimeException {
    public JsonException(String message) {
        super(message);
    }
}
