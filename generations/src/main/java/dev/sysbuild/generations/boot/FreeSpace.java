package dev.sysbuild.generations.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes can still be written to the file system holding a directory; tests replace it. */
@FunctionalInterface
public interface FreeSpace {
    long usableBytes(Path dir) throws IOException;

    /** The real file system's figure ({@link java.nio.file.FileStore#getUsableSpace}). */
    static FreeSpace fileStore() {
        return dir -> Files.getFileStore(dir).getUsableSpace();
    }
}
