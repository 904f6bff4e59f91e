package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sysbuild.generations.TargetPaths;
import dev.sysbuild.store.local.StoreLayout;
import dev.sysbuild.store.path.StoreDir;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the commands of docs/daily-loop.md in order, so the walkthrough stays true: {@code sysbuild}
 * in-process (with {@code -f} pointing at the directory the page has {@code cd}'d to, since a JVM
 * cannot change its directory), everything else with bash in that directory. {@code ~} is a
 * temporary home and {@code /tmp/demo} a temporary root.
 */
class DailyLoopDocTest {
    /** Commands that read the configuration, so get {@code -f CWD/system.conf}; the building ones build unsandboxed here. */
    private static final Set<String> READS_CONFIG = Set.of("switch", "boot", "test", "build", "dry-activate", "log");
    private static final Set<String> BUILDS = Set.of("switch", "boot", "test", "build", "dry-activate");

    @TempDir
    Path tmp;

    @Test
    void everyCommandOfTheWalkthroughWorksAndDoesWhatThePageSays() throws Exception {
        assumeTrue(GitTool.present(), "command-line git is not installed; the walkthrough commits with it");
        Path doc = Path.of("").toAbsolutePath().getParent().resolve("docs/daily-loop.md");
        List<String> commands = commands(Files.readString(doc));
        assertThat(commands).as("the page's commands").hasSizeGreaterThan(10);
        Path home = Files.createDirectories(tmp.resolve("home"));
        Path root = tmp.resolve("demo");
        Path cwd = home;
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String c : commands) {
            String line = c.replace("~/", home + "/").replace("/tmp/demo", root.toString());
            if (line.startsWith("cd ")) {
                cwd = cwd.resolve(line.substring(3).trim());
                assertThat(cwd).as(c).isDirectory();
            } else if (line.startsWith("sysbuild ")) {
                Cli r = Cli.run(sysbuildArgs(line, cwd));
                assertThat(r.exitCode()).as(c + "\n" + r.out() + r.err()).isZero();
                outputs.put(c, r.out());
            } else {
                ProcessBuilder pb = new ProcessBuilder("bash", "-c", line).directory(cwd.toFile()).redirectErrorStream(true);
                Map<String, String> env = pb.environment();
                env.put("HOME", home.toString());
                env.put("GIT_CONFIG_NOSYSTEM", "1");
                for (String who : List.of("AUTHOR", "COMMITTER")) {
                    env.put("GIT_" + who + "_NAME", "Tess Ter");
                    env.put("GIT_" + who + "_EMAIL", "tess@example.org");
                }
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor()).as(c + "\n" + out).isZero();
                outputs.put(c, out);
            }
        }
        // What the page says each step does.
        assertThat(outputs.get("git log --oneline")).contains("Initial configuration (sysbuild init)");
        assertThat(outputs.get("sysbuild generations diff --root /tmp/demo"))
                .contains("Call the machine web1", "+  networking.hostName = \"web1\";", "~ /etc/hostname");
        List<String> logs = outputs.keySet().stream().filter(k -> k.startsWith("sysbuild log")).toList();
        assertThat(logs).hasSize(1); // the same command twice: the map kept the second output
        assertThat(outputs.get(logs.get(0))).contains("generation 1 (current, boot default)",
                "Call the machine web1  [built: generation 2]");
        StoreLayout layout = new StoreLayout(root, StoreDir.DEFAULT);
        assertThat(Files.readString(TargetPaths.resolve(layout, "/etc/hostname"))).isEqualTo("web1\n");
        Path profiles = root.resolve("sysbuild/var/profiles");
        assertThat(profiles.resolve("system-1-link")).doesNotExist();
        assertThat(profiles.resolve("system-3-link")).isSymbolicLink();
        assertThat(Files.readSymbolicLink(profiles.resolve("system")).toString()).isEqualTo("system-3-link");
        assertThat(Files.readString(profiles.resolve("system-3.json"))).contains("\"rev\": \"HEAD\"");
    }

    /** The lines after {@code $ } inside the page's {@code console} blocks, in order. */
    static List<String> commands(String markdown) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : markdown.split("\n")) {
            if (l.startsWith("```")) {
                in = !in && l.equals("```console");
            } else if (in && l.startsWith("$ ")) {
                out.add(l.substring(2).trim());
            }
        }
        return out;
    }

    private static String[] sysbuildArgs(String line, Path cwd) {
        List<String> args = new ArrayList<>(List.of(line.substring("sysbuild ".length()).trim().split("\\s+")));
        String command = args.get(0);
        if (READS_CONFIG.contains(command) && !args.contains("-f")) {
            args.add("-f");
            args.add(cwd.resolve("system.conf").toString());
        }
        if (BUILDS.contains(command)) args.add("--no-sandbox");
        return args.toArray(String[]::new);
    }
}
