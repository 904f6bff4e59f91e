package dev.sysbuild.store.nar;

import java.io.IOException;

/** A NAR that cannot be read back: bad magic, bad token, bad name, unsorted entries, bad padding. */
public final class NarFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public NarFormatException(String message) {
        super(message);
    }
}
