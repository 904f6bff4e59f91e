package dev.sysbuild.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Command-line git, where installed: checks that what JGit wrote is a repository git itself reads. */
final class GitTool {
    record Result(int exitCode, String out) {}

    private GitTool() {}

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path git = Path.of(dir, "git");
            if (Files.isExecutable(git)) return Optional.of(git);
        }
        return Optional.empty();
    }

    static boolean present() {
        return find().isPresent();
    }

    /** Runs git in {@code dir} without the user's or the system's configuration. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(find().orElseThrow().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().put("HOME", dir.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
