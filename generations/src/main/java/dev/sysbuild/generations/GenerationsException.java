package dev.sysbuild.generations;

/**
 * A refusal or failure to report to the user as it is: what failed, where, what to do. Thrown
 * before anything changes where the check allows it (conflicting ids, unknown generations).
 */
public class GenerationsException extends RuntimeException {
    public GenerationsException(String message) {
        super(message);
    }

    public GenerationsException(String message, Throwable cause) {
        super(message, cause);
    }
}
