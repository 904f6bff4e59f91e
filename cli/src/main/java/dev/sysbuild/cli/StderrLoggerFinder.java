package dev.sysbuild.cli;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * Where libraries' {@link System.Logger} messages go in the command: warnings and errors to
 * standard error, as {@code sysbuild: NAME: MESSAGE}; the rest nowhere. Without it the JDK routes
 * them through java.util.logging, whose set-up (read at the first cache Caffeine makes) cost
 * ~10 ms of every evaluation's start-up.
 */
public final class StderrLoggerFinder extends System.LoggerFinder {
    @Override
    public System.Logger getLogger(String name, Module module) {
        return new StderrLogger(name);
    }

    private record StderrLogger(String name) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= Level.WARNING.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (!isLoggable(level)) return;
            System.err.println("sysbuild: " + name + ": " + msg + (thrown != null ? " (" + thrown + ")" : ""));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (!isLoggable(level)) return;
            String msg = params == null || params.length == 0 ? format : MessageFormat.format(format, params);
            System.err.println("sysbuild: " + name + ": " + msg);
        }
    }
}
