package dev.sysbuild.store.transfer;

import java.io.IOException;

/** An export archive that is malformed, damaged or tampered with; nothing was imported from it. */
public final class ArchiveException extends IOException {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
