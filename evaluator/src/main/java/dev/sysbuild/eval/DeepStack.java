package dev.sysbuild.eval;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs evaluation on a thread with a large stack, so deep (non-tail) recursion in user code
 * works, and turns a stack overflow into an ordinary evaluation error instead of a JVM crash.
 */
public final class DeepStack {
    /**
     * Stack size of the evaluation thread, committed only as the stack grows. 256 MiB holds
     * about 400,000 nested calls (Nix stops at 10,000), and runaway recursion still ends in
     * about a second instead of filling gigabytes first.
     */
    private static final long STACK_BYTES = 256L << 20;

    private DeepStack() {}

    public static <T> T run(Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(task.call());
            } catch (StackOverflowError e) {
                failure.set(new EvalException(EvalException.Kind.STACK_OVERFLOW,
                        "stack overflow: the evaluation recursed too deeply (is there infinite recursion?)", null));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "sysbuild-eval", STACK_BYTES);
        t.start();
        t.join();
        Throwable f = failure.get();
        if (f instanceof Exception e) throw e;
        if (f instanceof Error e) throw e;
        return result.get();
    }
}
