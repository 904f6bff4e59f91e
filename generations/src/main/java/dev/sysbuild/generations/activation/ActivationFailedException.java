package dev.sysbuild.generations.activation;

import dev.sysbuild.generations.GenerationsException;

/** An activation that failed at {@code step}, after restoring (or trying to restore) the previous state. */
public final class ActivationFailedException extends GenerationsException {
    private final String step;

    ActivationFailedException(String target, String step, Exception cause, String restoreProblem) {
        super("activating " + target + " failed at step '" + step + "': " + message(cause)
                + (restoreProblem.isEmpty()
                        ? "\nthe previous generation's /etc/static, /etc entries and users files were restored;"
                          + " current-system was not changed"
                        : "\nrestoring the previous state also failed: " + restoreProblem
                          + "\nrun 'sysbuild activate' to bring the system onto the boot default again"), cause);
        this.step = step;
    }

    public String step() {
        return step;
    }

    static String message(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
