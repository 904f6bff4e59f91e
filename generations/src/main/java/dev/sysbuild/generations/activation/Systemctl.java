package dev.sysbuild.generations.activation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the service plan reaches systemd. Only used when the root is {@code /} and systemd runs;
 * otherwise the plan is printed and recorded instead.
 */
public interface Systemctl {
    /** Runs {@code systemctl ARGS...}; fails with its output when it exits non-zero. */
    void run(List<String> args) throws IOException;

    /** The real {@code systemctl} on this machine. */
    static Systemctl process() {
        return args -> {
            List<String> cmd = new ArrayList<>();
            cmd.add("systemctl");
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            try {
                int code = p.waitFor();
                if (code != 0) throw new IOException(String.join(" ", cmd) + " failed (exit " + code + "): " + out.strip());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(String.join(" ", cmd) + " was interrupted", e);
            }
        };
    }
}
