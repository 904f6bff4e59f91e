package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.store.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flows of the daily loop through the CLI on a temporary root, with {@code examples/server}
 * (imported unchanged by a small configuration that adds a file, a user and a service to vary):
 * boot then activate, test, delete then gc, and change-switch-rollback. Each asserts what a
 * machine booted from that root would see: the boot entry systemd-boot picks, and files read
 * through links as the target resolves them ({@link BootedMachine}).
 */
class GenerationsEndToEndTest {
    @TempDir
    Path tmp;
    Path conf;
    Path root;
    BootedMachine machine;

    @BeforeEach
    void setUp() throws IOException {
        Path example = Path.of("").toAbsolutePath().getParent().resolve("examples/server");
        Path dir = tmp.resolve("config");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(example)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                Files.copy(p, dir.resolve(name.equals("system.conf") ? "server.conf" : name));
            }
        }
        conf = dir.resolve("system.conf");
        root = tmp.resolve("root");
        machine = new BootedMachine(root);
    }

    /** examples/server plus /etc/app.conf, optionally user carol, and a service whose script varies. */
    private void configure(String app, boolean carol, String workerScript) throws IOException {
        configure(app, carol, workerScript, "1.0");
    }

    /** The same with a package {@code tool-VERSION} in environment.systemPackages. */
    private void configure(String app, boolean carol, String workerScript, String toolVersion) throws IOException {
        Files.writeString(conf, "{ pkgs, ... }: {\n  imports = [ ./server.conf ];\n"
                + "  environment.systemPackages = [ (pkgs.makeTree { name = \"tool-" + toolVersion + "\"; entries = [\n"
                + "    { path = \"bin/tool\"; text = \"#!/bin/sh\\necho " + toolVersion + "\\n\"; executable = true; } ]; }) ];\n"
                + "  environment.etc.\"app.conf\".text = \"" + app + "\\n\";\n"
                + (carol ? "  users.users.carol.isNormalUser = true;\n" : "")
                + "  systemd.services.worker = { wantedBy = [ \"multi-user.target\" ]; script = \"" + workerScript + "\"; };\n"
                + "}\n");
    }

    private Cli sysbuild(String command, String... more) {
        return run(true, command, more);
    }

    /** Without {@code -q}: with what switch, boot and dry-activate print before they act. */
    private Cli loud(String command, String... more) {
        return run(false, command, more);
    }

    private Cli run(boolean quiet, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(more));
        args.addAll(List.of("--root", root.toString()));
        if (quiet) args.add("-q");
        if (List.of("switch", "boot", "test", "dry-activate").contains(command)) {
            args.addAll(List.of("--no-sandbox", "-f", conf.toString()));
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return r;
    }

    private String link(String rel) throws IOException {
        return Files.readSymbolicLink(root.resolve(rel)).toString();
    }

    /** Every file under R/boot with its bytes: what the firmware and boot loader read. */
    private Map<String, String> bootFiles() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root.resolve("boot"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    @Test
    void bootLeavesTheLiveSystemAndTheGenerationsInitActivatesIt() throws Exception {
        configure("level = 1", false, "echo v1");
        sysbuild("switch");
        String first = machine.toplevelOf("/run/current-system");
        String passwd = machine.read("/etc/passwd");

        configure("level = 2", true, "echo v1");
        Cli boot = sysbuild("boot");
        assertThat(boot.out()).contains("generation 2 is the boot default");
        // Nothing live changed...
        assertThat(machine.toplevelOf("/run/current-system")).isEqualTo(first);
        assertThat(machine.read("/etc/app.conf")).isEqualTo("level = 1\n");
        assertThat(machine.read("/etc/passwd")).isEqualTo(passwd).doesNotContain("carol:");
        assertThat(machine.toplevelOf("/etc/static")).isEqualTo(first + "/etc");
        // ...but the next boot starts generation 2.
        String booted = machine.bootedSystem();
        assertThat(booted).isEqualTo("/sysbuild/var/profiles/system-2-link");
        assertThat(link("sysbuild/var/profiles/system")).isEqualTo("system-2-link");

        // At boot, init runs its activate line with the directory it is in: run that line as written.
        String init = machine.read(booted + "/init");
        String line = init.lines().filter(l -> l.contains("\"$systemConfig\"")).findFirst().orElseThrow();
        String command = line.substring(0, line.indexOf("\"$systemConfig\"")).trim();
        assertThat(command).isEqualTo("sysbuild activate");
        Cli activate = sysbuild("activate", booted);
        assertThat(activate.out()).startsWith("activated generation 2 ");
        assertThat(machine.toplevelOf("/run/current-system")).isEqualTo(machine.toplevelOf(booted));
        assertThat(machine.read("/etc/app.conf")).isEqualTo("level = 2\n");
        assertThat(machine.read("/etc/passwd")).contains("carol:x:1002:");
        assertThat(machine.read("/etc/hostname")).isEqualTo("web1\n");
    }

    @Test
    void testActivatesButTheBootDefaultAndLoaderStay() throws Exception {
        configure("level = 1", false, "echo v1");
        sysbuild("switch");
        Map<String, String> boot = bootFiles();
        configure("level = 2", true, "echo v1");
        Cli test = sysbuild("test");
        assertThat(test.out()).contains("the boot default is unchanged");
        assertThat(machine.read("/etc/app.conf")).isEqualTo("level = 2\n");
        assertThat(machine.read("/etc/passwd")).contains("carol:x:1002:");
        assertThat(machine.toplevelOf("/run/current-system")).isNotEqualTo(machine.toplevelOf("/sysbuild/var/profiles/system"));
        assertThat(link("sysbuild/var/profiles/system")).isEqualTo("system-1-link");
        assertThat(root.resolve("sysbuild/var/profiles/system-2-link")).doesNotExist();
        assertThat(bootFiles()).isEqualTo(boot);
        assertThat(machine.bootedSystem()).isEqualTo("/sysbuild/var/profiles/system-1-link");
    }

    @Test
    void deleteThenGcFreesOnlyTheDeletedGenerationsPaths() throws Exception {
        List<String> apps = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            configure("level = " + i, false, "echo v1");
            sysbuild("switch");
            apps.add(machine.toplevelOf("/sysbuild/var/profiles/system-" + i + "-link/etc/app.conf"));
        }
        String one = machine.toplevelOf("/sysbuild/var/profiles/system-1-link");
        assertThat(root.resolve("boot/loader/entries/sysbuild-1+3.conf")).exists();

        Cli delete = sysbuild("generations", "delete", "1");
        assertThat(delete.out()).isEqualTo("deleted generation 1\n");
        assertThat(root.resolve("boot/loader/entries/sysbuild-1+3.conf")).doesNotExist();
        assertThat(root.resolve("boot/loader/entries/sysbuild-2+3.conf")).exists();
        assertThat(machine.bootedSystem()).isEqualTo("/sysbuild/var/profiles/system-3-link");

        Cli gc = sysbuild("gc");
        assertThat(gc.out()).contains(one, apps.get(0));
        assertThat(root.resolve(one.substring(1))).doesNotExist();
        assertThat(root.resolve(apps.get(0).substring(1))).doesNotExist();
        for (int i = 2; i <= 3; i++) {
            assertThat(machine.read("/sysbuild/var/profiles/system-" + i + "-link/etc/app.conf")).isEqualTo("level = " + i + "\n");
            assertThat(gc.out()).doesNotContain(apps.get(i - 1));
        }
        // What stays still boots and activates: the shared kernel, the default's closure.
        assertThat(machine.read("/etc/app.conf")).isEqualTo("level = 3\n");
        sysbuild("rollback");
        assertThat(machine.read("/etc/app.conf")).isEqualTo("level = 2\n");
        assertThat(machine.bootedSystem()).isEqualTo("/sysbuild/var/profiles/system-2-link");
    }

    @Test
    void changeAFileAUserAndAServiceSwitchAndRollBack() throws Exception {
        configure("level = 1", false, "echo v1");
        sysbuild("switch");
        String worker1 = machine.read("/etc/systemd/system/worker.service");

        configure("level = 2", true, "echo v2");
        sysbuild("switch");
        assertThat(machine.bootedSystem()).isEqualTo("/sysbuild/var/profiles/system-2-link");
        assertThat(machine.toplevelOf("/run/current-system")).isEqualTo(machine.toplevelOf("/sysbuild/var/profiles/system-2-link"));
        assertThat(machine.read("/etc/app.conf")).isEqualTo("level = 2\n");
        assertThat(machine.read("/etc/passwd")).contains("carol:x:1002:");
        assertThat(machine.read("/etc/shadow")).contains("carol:");
        assertThat(root.resolve("home/carol")).isDirectory();
        String worker2 = machine.read("/etc/systemd/system/worker.service");
        assertThat(worker2).isNotEqualTo(worker1);
        assertThat(machine.read(execStart(worker2))).contains("echo v2");
        assertThat(plan()).containsEntry("worker.service", "stop, then start (unit file changed, stopIfChanged)");

        Cli back = sysbuild("rollback");
        assertThat(back.out()).startsWith("now at generation 1 ");
        assertThat(machine.bootedSystem()).isEqualTo("/sysbuild/var/profiles/system-1-link");
        assertThat(machine.toplevelOf("/run/current-system")).isEqualTo(machine.toplevelOf("/sysbuild/var/profiles/system-1-link"));
        assertThat(machine.read("/etc/app.conf")).isEqualTo("level = 1\n");
        assertThat(machine.read("/etc/passwd")).doesNotContain("carol:");
        assertThat(machine.read("/etc/shadow")).doesNotContain("carol:");
        assertThat(machine.read("/etc/systemd/system/worker.service")).isEqualTo(worker1);
        assertThat(machine.read(execStart(worker1))).contains("echo v1");
        assertThat(plan()).containsEntry("worker.service", "stop, then start (unit file changed, stopIfChanged)");
        // Her data stays, and her uid is hers for good.
        assertThat(root.resolve("home/carol")).isDirectory();
        assertThat(Files.readString(root.resolve("sysbuild/var/ids.json"))).contains("carol");
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void switchBootAndDryActivatePrintTheDiffFromTheActiveSystemBeforeActing() throws Exception {
        configure("level = 1", false, "echo v1", "1.0");
        Cli first = loud("switch");
        assertThat(first.out()).startsWith("nothing is active yet; /sysbuild/store/")
                .containsPattern("\\n  4 packages, \\d+ /etc entries, 6 users, \\d+ groups, \\d+ units, closure \\d");
        String active = machine.toplevelOf("/run/current-system");

        configure("level = 2", true, "echo v2", "1.1");
        Cli dry = loud("dry-activate");
        String diff = "changes from the active system " + active + " to /sysbuild/store/";
        assertThat(dry.out()).contains(diff, "packages:\n  ~ tool 1.0 -> 1.1\n",
                "/etc:\n  ~ /etc/app.conf\n    --- a/etc/app.conf\n    +++ b/etc/app.conf\n    @@ -1,1 +1,1 @@\n    -level = 1\n    +level = 2\n",
                "users:\n  + carol\n", "groups: no changes\n",
                "units:\n  worker.service: stop, then start (unit file changed, stopIfChanged)\n", "closure size: ",
                "users and groups:\n  new user carol: uid 1002");
        assertThat(dry.out()).doesNotContain("services:");
        assertThat(machine.toplevelOf("/run/current-system")).isEqualTo(active);

        Cli boot = loud("boot");
        assertThat(boot.out()).contains(diff, "  ~ tool 1.0 -> 1.1\n", "users:\n  + carol\n");
        assertThat(boot.out().indexOf(diff)).isLessThan(boot.out().indexOf("generation 2 is the boot default"));

        Cli two = loud("switch");
        assertThat(two.out()).contains(diff, "    +level = 2\n", "units:\n  worker.service: stop, then start");
        assertThat(two.out().indexOf(diff)).isLessThan(two.out().indexOf("switched to generation 2"));
        String now = machine.toplevelOf("/run/current-system");
        assertThat(now).isNotEqualTo(active);
        Cli same = loud("switch");
        assertThat(same.out()).startsWith("no changes: " + now + " is the active system\n");
        assertThat(sysbuild("switch").out()).doesNotContain("no changes:");

        // An active system that cannot be read (here: its users.json is damaged) does not stop a switch.
        Path users = root.resolve(now.substring(1)).resolve("users.json");
        users.toFile().setWritable(true);
        Files.writeString(users, "{ not json");
        configure("level = 3", true, "echo v2", "1.1");
        Cli three = loud("switch");
        assertThat(three.out()).contains("(cannot compare with the active system: ", "switched to generation 3");
        assertThat(machine.read("/etc/app.conf")).isEqualTo("level = 3\n");
    }

    /** The script a unit's ExecStart runs. */
    private static String execStart(String unit) {
        String line = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        return line.substring("ExecStart=".length()).trim().split("\\s+")[0];
    }

    /** The reasons of the last recorded service plan, by unit. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> plan() throws IOException {
        Map<String, Object> p = Json.parseObject(Files.readString(root.resolve("sysbuild/var/activation/last-plan.json")));
        return (Map<String, Object>) ((Map<String, Object>) p.get("plan")).get("reasons");
    }
}
