package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code sysbuild options}: the listing, search, and one option's value with its sites. */
class OptionsCommandTest {
    private static final Path EXAMPLES = Path.of("").toAbsolutePath().getParent().resolve("examples");

    @Test
    void withoutSystemConfListsTheBundledOptionsWithTypeDefaultAndDescription() {
        Cli r = Cli.run("options");   // the cli module's folder has no system.conf
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("networking.hostName\n    type: string matching the pattern")
                .contains("    default: \"sysbuild\"\n    The name of this machine")
                .contains("users.users.<name>.isNormalUser\n").contains("systemd.services.<name>.script\n")
                .doesNotContain("_module").doesNotContain("system.etc.generated");
    }

    @Test
    void searchFindsByNameAndDescription() {
        Cli r = Cli.run("options", "search", "sshd");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("services.openssh.enable\n").contains("services.openssh.executable\n")
                .doesNotContain("networking.hostName");
        Cli none = Cli.run("options", "search", "no-such-thing-anywhere");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no option matches 'no-such-thing-anywhere'");
    }

    @Test
    void showPrintsTheValueAndWhereItWasDeclaredAndDefined() {
        Path conf = EXAMPLES.resolve("minimal/system.conf");
        Cli r = Cli.run("options", "show", "networking.hostName", "-f", conf.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("  value:       \"minimal\"\n")
                .containsPattern("declared in:\n    <sysbuild/os/modules/config/networking.nix>:\\d+\n")
                .contains("defined in:\n    " + conf + ":6\n");
    }

    @Test
    void showReachesIntoSubmodulesAndQuotedNames() {
        Path conf = EXAMPLES.resolve("server/system.conf");
        Cli r = Cli.run("options", "show", "users.users.alice.home", "-f", conf.toString());
        assertThat(r.out()).contains("  value:       \"/home/alice\"\n")
                .containsPattern("<sysbuild/os/modules/config/users-groups.nix>:\\d+")
                .contains("defined in (as part of users.users):\n    " + conf + ":");
        Cli etc = Cli.run("options", "show", "environment.etc.\"sudoers.d/admins\".mode", "-f", conf.toString());
        assertThat(etc.out()).contains("  value:       \"0440\"\n");
    }

    @Test
    void showExplainsAValueThatCannotBeComputedAndListsEveryDefinition() {
        Path conf = Path.of("").toAbsolutePath().getParent().resolve("evaluator/src/test/resources/os/fail-conflict-timezone.conf");
        Cli r = Cli.run("options", "show", "time.timeZone", "-f", conf.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("  value:       (cannot be computed) The option `time.timeZone' has conflicting definition values:")
                .contains("defined in:\n    " + conf + ":4\n    " + conf + ":5\n");
    }

    @Test
    void jsonNamesBundledFilesAsSearchPathEntries() {
        Cli r = Cli.run("options", "search", "hostName", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"name\": \"networking.hostName\"")
                .contains("\"<sysbuild/os/modules/config/networking.nix>\"").doesNotContain("bundled-");
    }

    @Test
    void aMisspeltOptionGetsSuggestions() {
        Cli r = Cli.run("options", "show", "networking.hostname");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("the option `networking.hostname' does not exist").contains("'networking.hostName'");
    }

    @Test
    void usageAndMissingFiles() {
        assertThat(Cli.run("options", "frobnicate", "x").exitCode()).isEqualTo(2);
        assertThat(Cli.run("options", "show").exitCode()).isEqualTo(2);
        Cli missing = Cli.run("options", "-f", "/nonexistent/system.conf");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("'/nonexistent/system.conf' does not exist");
    }
}
