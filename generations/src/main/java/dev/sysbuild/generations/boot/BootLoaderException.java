package dev.sysbuild.generations.boot;

/**
 * A boot-loader step that cannot be done, with a message for the user (what failed, where, what
 * to do). I/O failures stay {@link java.io.IOException}s; this is for refusals such as a boot
 * default without a kernel or a boot partition without room.
 */
public class BootLoaderException extends RuntimeException {
    public BootLoaderException(String message) {
        super(message);
    }
}
