package dev.sysbuild.store.build;

import java.util.List;

/**
 * A scheduler run that did not realise everything: every build that failed, each with its own
 * message; builds that merely depended on a failed one are counted, not listed.
 */
public final class BuildFailedException extends Exception {
    private final List<BuildException> failures;

    public BuildFailedException(List<BuildException> failures, int notStarted) {
        super(message(failures, notStarted));
        this.failures = List.copyOf(failures);
    }

    public List<BuildException> failures() {
        return failures;
    }

    private static String message(List<BuildException> failures, int notStarted) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < failures.size(); i++) {
            if (i > 0) sb.append("\n");
            sb.append(failures.get(i).getMessage());
        }
        if (failures.size() > 1 || notStarted > 0) {
            sb.append("\n").append(failures.size()).append(failures.size() == 1 ? " build" : " builds").append(" failed");
            if (notStarted > 0) sb.append(", ").append(notStarted).append(" not started");
        }
        return sb.toString();
    }
}
