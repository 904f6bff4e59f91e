package dev.sysbuild.eval.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/minimal and examples/server evaluate to the toplevel docs/toplevel-format.md
 * describes: the /etc entries, unit files, user and group records and boot.json a user of
 * those files would expect.
 */
class OsExamplesTest {
    @TempDir
    static Path cache;

    static OsEvaluation minimal;
    static OsEvaluation server;

    static final String STORE = "/sysbuild/store/";
    static final String ALICE_HASH =
            "$6$rounds=5000$saltsalt$Q8z7Ck0OQqo2xW4lB7D1q4JmL7Q1rJ9m7w2fYw0cHn0aWmXy2rYzRjK0bJ4T3m1JQYbZr5Fj8dUu0mQ0YbA1c.";

    @BeforeAll
    static void evaluate() throws Exception {
        Path examples = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("examples");
        minimal = OsEvaluation.of(examples.resolve("minimal/system.conf"), cache);
        server = OsEvaluation.of(examples.resolve("server/system.conf"), cache);
    }

    @Test
    void minimalHasTheBasicEtcFilesAsLinksIntoTheStore() {
        assertThat(minimal.etcText("hostname")).isEqualTo("minimal\n");
        assertThat(minimal.etcText("hosts")).startsWith("127.0.0.1 localhost\n").contains("127.0.1.1 minimal\n");
        assertThat(minimal.etcText("locale.conf")).isEqualTo("LANG=C.UTF-8\n");
        assertThat(minimal.link("etc/hostname")).startsWith(STORE).endsWith("-etc-hostname");
        assertThat(minimal.link("etc/localtime")).isEqualTo("/usr/share/zoneinfo/UTC");
        assertThat(minimal.etcEntry("hostname"))
                .containsEntry("mode", "symlink").containsEntry("user", "root").containsEntry("group", "root")
                .containsEntry("source", minimal.link("etc/hostname"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void etcJsonIsSortedByTargetAndMatchesTheEtcTree() {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) server.jsonObject("etc.json").get("entries");
        List<String> targets = entries.stream().map(e -> (String) e.get("target")).toList();
        assertThat(targets).isSorted().doesNotHaveDuplicates().doesNotContain("passwd", "group", "shadow");
        for (Map<String, Object> e : entries) assertThat(server.link("etc/" + e.get("target"))).isEqualTo(e.get("source"));
        assertThat(server.jsonObject("etc.json")).containsEntry("version", 1L);
    }

    @Test
    void minimalUserNeedsOnlyItsNameAndTheBuiltInAccountsExist() {
        assertThat(minimal.account("users", "alice"))
                .containsEntry("uid", null).containsEntry("isNormalUser", true).containsEntry("isSystemUser", false)
                .containsEntry("group", "users").containsEntry("home", "/home/alice").containsEntry("createHome", true)
                .containsEntry("shell", "/bin/sh").containsEntry("extraGroups", List.of("wheel"))
                .containsEntry("hashedPasswordRef", null).containsEntry("description", "Alice");
        assertThat(minimal.account("users", "root")).containsEntry("uid", 0L).containsEntry("home", "/root").containsEntry("group", "root");
        assertThat(minimal.account("users", "nobody")).containsEntry("uid", 65534L).containsEntry("group", "nogroup");
        assertThat(minimal.account("groups", "root")).containsEntry("gid", 0L);
        assertThat(minimal.account("groups", "wheel")).containsEntry("gid", 1L);
        assertThat(minimal.account("groups", "users")).containsEntry("gid", 100L);
        assertThat(minimal.account("groups", "nogroup")).containsEntry("gid", 65534L);
    }

    @Test
    void minimalPackagesAreInSwAndPackagesJson() {
        assertThat((List<?>) minimal.json("packages.json")).singleElement().asString().startsWith(STORE).endsWith("-hello-2.12");
        assertThat(minimal.link("sw")).startsWith(STORE).endsWith("-system-path");
        assertThat(minimal.text("system")).isEqualTo("x86_64-linux\n");
        assertThat(minimal.text("sysbuild-version")).matches("\\d+\\.\\d+\\.\\d+.*\n");
    }

    @Test
    void minimalHasNoKernelAndBootsWithSystemdBoot() {
        Map<String, Object> boot = minimal.jsonObject("boot.json");
        assertThat(boot).containsEntry("kernel", null).containsEntry("initrd", null).containsEntry("kernelParams", List.of());
        assertThat(castMap(boot.get("loader"))).containsEntry("type", "systemd-boot").containsEntry("timeout", 5L)
                .containsEntry("configurationLimit", null);
        assertThat(minimal.toplevel).doesNotContainKeys("kernel", "initrd");
        assertThat((String) boot.get("init")).endsWith("/init");
        assertThat(minimal.toplevel.get("init")).containsEntry("executable", true);
        assertThat(minimal.text("init")).startsWith("#!/bin/sh\n").contains("sysbuild activate \"$systemConfig\"")
                .contains("exec /usr/lib/systemd/systemd");
    }

    @Test
    void serverBootJsonCarriesKernelInitrdParametersAndLoader() {
        Map<String, Object> boot = server.jsonObject("boot.json");
        assertThat((String) boot.get("kernel")).startsWith(STORE).endsWith("-vmlinuz").isEqualTo(server.link("kernel"));
        assertThat((String) boot.get("initrd")).startsWith(STORE).endsWith("-initrd.img").isEqualTo(server.link("initrd"));
        assertThat(boot).containsEntry("kernelParams", List.of("console=ttyS0", "quiet"))
                .containsEntry("kernelVersion", "6.1.0").containsEntry("label", "web1-2025").containsEntry("version", 1L);
        assertThat(castMap(boot.get("loader")))
                .containsEntry("type", "systemd-boot").containsEntry("timeout", 3L).containsEntry("configurationLimit", 10L);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void serverUnitFilesAndTheirLinks() {
        String sshd = server.unit("sshd.service");
        assertThat(sshd).contains("[Unit]\n").contains("Description=OpenSSH server\n").contains("After=network.target\n")
                .contains("ExecStart=/usr/sbin/sshd -D -f /etc/ssh/sshd_config\n")
                .containsPattern("ExecStartPre=/sysbuild/store/[a-z0-9]{32}-unit-sshd-pre-start\n")
                .endsWith("[Install]\nWantedBy=multi-user.target\n");
        String web = server.unit("webpage.service");
        assertThat(web).contains("Environment=\"PAGE_TITLE=web1 status\"\n")
                .containsPattern("Environment=\"PATH=/sysbuild/store/[a-z0-9]{32}-hello-2.12/bin:/run/current-system/sw/bin:")
                .containsPattern("ExecStart=/sysbuild/store/[a-z0-9]{32}-unit-webpage-start\n")
                .contains("DynamicUser=true\n").contains("Restart=on-failure\n");
        assertThat(server.unit("backup.timer")).isEqualTo("[Unit]\nDescription=Nightly backup of /etc\n\n"
                + "[Timer]\nOnCalendar=*-*-* 02:30:00\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n");
        assertThat(server.unit("backup.service")).contains("Type=oneshot\n").contains("User=backup\n").doesNotContain("[Install]");
        String units = server.link("etc/systemd/system/sshd.service").replaceFirst("/sshd.service$", "");
        assertThat(units).startsWith(STORE).endsWith("-system-units");
        assertThat(server.link("etc/systemd/system/multi-user.target.wants/sshd.service")).isEqualTo(units + "/sshd.service");
        assertThat(server.link("etc/systemd/system/timers.target.wants/backup.timer")).isEqualTo(units + "/backup.timer");
        assertThat(server.toplevel).doesNotContainKey("etc/systemd/system/multi-user.target.wants/backup.service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void unitsJsonTellsActivationHowToTreatChanges() {
        Map<String, Object> units = (Map<String, Object>) server.jsonObject("units.json").get("units");
        assertThat(units).containsOnlyKeys("sshd.service", "webpage.service", "backup.service", "backup.timer");
        Map<String, Object> sshd = (Map<String, Object>) units.get("sshd.service");
        assertThat(sshd).containsEntry("stopIfChanged", false).containsEntry("restartIfChanged", true)
                .containsEntry("reloadIfChanged", false).containsEntry("wantedBy", List.of("multi-user.target"));
        assertThat((List<String>) sshd.get("restartTriggers")).singleElement().asString().endsWith("-sshd_config")
                .isEqualTo(server.link("etc/ssh/sshd_config"));
    }

    @Test
    void serverEtcFilesWithModesOwnersAndSshd() {
        assertThat(server.etcEntry("sudoers.d/admins")).containsEntry("mode", "0440").containsEntry("user", "root");
        assertThat(server.etcEntry("backup/exclude.txt")).containsEntry("mode", "0644")
                .containsEntry("user", "backup").containsEntry("group", "backup");
        assertThat((String) server.etcEntry("backup/exclude.txt").get("source")).startsWith(STORE).endsWith("-backup-exclude.txt");
        assertThat(server.etcEntry("ssh/authorized_keys.d/alice")).containsEntry("mode", "0444");
        assertThat(server.etcText("ssh/authorized_keys.d/alice")).startsWith("ssh-ed25519 ").endsWith(" alice@laptop\n");
        assertThat(server.etcText("motd")).isEqualTo("Welcome to web1.\n");
        assertThat(server.etcText("sysctl.d/60-sysbuild.conf")).contains("net.ipv4.ip_forward = 0\n").contains("vm.swappiness = 10\n");
        assertThat(server.etcText("tmpfiles.d/00-sysbuild.conf")).endsWith("d /var/backup 0750 backup backup -\n");
        assertThat(server.etcText("profile")).contains("alias ll='ls -l'\n");
        assertThat(server.etcText("set-environment")).contains("export EDITOR=vi\n");
        assertThat(server.etcText("hosts")).contains("10.0.0.5 db.internal db\n");
        assertThat(server.link("etc/localtime")).isEqualTo("/usr/share/zoneinfo/Europe/Berlin");
        assertThat(server.etcText("timezone")).isEqualTo("Europe/Berlin\n");
    }

    @Test
    void serverUsersAndGroups() {
        assertThat(server.account("users", "alice")).containsEntry("uid", 1000L)
                .containsEntry("extraGroups", List.of("wheel", "admins"))
                .containsEntry("authorizedKeys", List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZ4ZXhhbXBsZWtleWZvcmFsaWNlMTIzNDU2Nzg5 alice@laptop"));
        assertThat(server.account("users", "bob")).containsEntry("shell", "/bin/bash").containsEntry("home", "/home/bob");
        assertThat(server.account("users", "backup")).containsEntry("isSystemUser", true).containsEntry("group", "backup")
                .containsEntry("home", "/var/backup").containsEntry("createHome", true).containsEntry("uid", null);
        assertThat(server.account("users", "sshd")).containsEntry("isSystemUser", true).containsEntry("group", "sshd")
                .containsEntry("shell", "/usr/sbin/nologin");
        assertThat(server.account("groups", "sshd")).containsEntry("gid", null);
        assertThat(server.account("groups", "admins")).containsEntry("gid", 2000L);
        assertThat(server.etcText("ssh/sshd_config")).contains("Port 22\nPort 2222\n").contains("PermitRootLogin no\n")
                .contains("PasswordAuthentication no\n").contains("MaxAuthTries 3\n")
                .contains("AuthorizedKeysFile %h/.ssh/authorized_keys /etc/ssh/authorized_keys.d/%u\n");
    }

    @Test
    void passwordHashIsOnlyAReferenceAndNeverInAnyDerivation() throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ALICE_HASH.getBytes(StandardCharsets.UTF_8)));
        assertThat(server.account("users", "alice")).containsEntry("hashedPasswordRef", "sha256:" + hex);
        assertThat(server.result.get("secrets")).isEqualTo(Map.of(hex, ALICE_HASH));
        assertThat(server.derivationTexts).isNotEmpty().noneMatch(t -> t.contains(ALICE_HASH));
        assertThat(server.derivationTexts).anyMatch(t -> t.contains("sha256:" + hex));
    }

    @Test
    void everyPathInTheToplevelIsRelativeAndUnique() {
        assertThat(server.toplevelPaths).doesNotHaveDuplicates().allMatch(p -> !p.startsWith("/") && !p.contains(".."))
                .contains("etc.json", "users.json", "units.json", "boot.json", "packages.json", "sw", "init", "system",
                        "sysbuild-version", "kernel", "initrd");
        assertThat((String) server.result.get("drvPath")).startsWith(STORE).endsWith("-sysbuild-system-web1.drv");
    }
}
