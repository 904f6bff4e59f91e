package dev.sysbuild.store.local;

/**
 * A file of the store database that cannot be read. This is damage (a disk fault or a hand
 * edit), never a race: every database file is replaced atomically. The message names the file;
 * {@code sysbuild store verify} is the next step.
 */
public final class CorruptDatabaseException extends RuntimeException {
    public CorruptDatabaseException(String message) {
        super("store database damaged: " + message);
    }
}
