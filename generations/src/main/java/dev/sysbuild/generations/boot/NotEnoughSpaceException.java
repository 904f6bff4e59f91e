package dev.sysbuild.generations.boot;

import java.nio.file.Path;

/**
 * The new kernels and initrds do not fit on the boot partition even after pruning every entry
 * that may go. Nothing was changed when this is thrown.
 */
public final class NotEnoughSpaceException extends BootLoaderException {
    private final long needed;
    private final long available;

    NotEnoughSpaceException(Path bootDir, long needed, long available) {
        super("not enough space in " + bootDir + " for the boot files: " + needed + " bytes needed, "
                + available + " bytes available even after removing every entry that may go"
                + " (all but the current generation and the boot default); nothing was changed."
                + " Free space there (e.g. delete old generations) and try again");
        this.needed = needed;
        this.available = available;
    }

    /** Bytes the new files need. */
    public long needed() {
        return needed;
    }

    /** Bytes free on the boot partition plus what removing prunable entries would free. */
    public long available() {
        return available;
    }
}
