package dev.sysbuild.store.local;

import java.io.IOException;

/** A store lock another process or thread kept longer than we were willing to wait. */
public final class LockTimeoutException extends IOException {
    public LockTimeoutException(String message) {
        super(message);
    }
}
