package dev.sysbuild.store.build;

/**
 * One build failed in a way the user can act on (the builder exited non-zero, a hash did not
 * match, an archive was refused). The message names the derivation and says why.
 */
public final class BuildException extends Exception {
    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
