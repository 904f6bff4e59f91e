package dev.sysbuild.generations;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Named places where a test makes the process die ({@code SYSBUILD_FAIL_AT=<step>}), to prove
 * that re-running after a crash at any of them converges. The crash itself is injected: the CLI
 * halts the JVM, unit tests throw an {@link Error} that no clean-up code catches.
 */
public final class CrashPoints {
    public static final String VARIABLE = "SYSBUILD_FAIL_AT";
    private static final CrashPoints NONE = new CrashPoints(Optional.empty(), step -> {}, step -> {});

    private final Optional<String> failAt;
    private final Consumer<String> crash;
    private final Consumer<String> observer;

    private CrashPoints(Optional<String> failAt, Consumer<String> crash, Consumer<String> observer) {
        this.failAt = failAt;
        this.crash = crash;
        this.observer = observer;
    }

    /**
     * The same crash points, also telling {@code observer} each step as it is reached: the steps
     * are where the time of a switch goes, so {@code -v} times them through this.
     */
    public CrashPoints observed(Consumer<String> observer) {
        return new CrashPoints(failAt, crash, observer);
    }

    /** No crash anywhere. */
    public static CrashPoints none() {
        return NONE;
    }

    /** Crashes with {@code crash} at the step {@code SYSBUILD_FAIL_AT} names in {@code environment}. */
    public static CrashPoints fromEnvironment(Function<String, String> environment, Consumer<String> crash) {
        String v = environment.apply(VARIABLE);
        return v == null || v.isEmpty() ? NONE : new CrashPoints(Optional.of(v), crash, step -> {});
    }

    /** Crashes at {@code step}. */
    public static CrashPoints at(String step, Consumer<String> crash) {
        return new CrashPoints(Optional.of(step), crash, s -> {});
    }

    /** Called on reaching {@code step}, before it changes anything. */
    public void reach(String step) {
        observer.accept(step);
        if (failAt.isPresent() && failAt.get().equals(step)) crash.accept(step);
    }
}
