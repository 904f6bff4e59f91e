package dev.sysbuild.generations.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.generations.CrashPoints;
import dev.sysbuild.generations.GenerationsException;
import dev.sysbuild.generations.Links;
import dev.sysbuild.store.path.StorePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merged-/usr step: /usr into the generation's sw, /bin and friends into /usr, never over the user's. */
class UsrActivationTest {
    @TempDir
    Path root;

    ActivationFixture f;

    @BeforeEach
    void fixture() throws IOException {
        f = new ActivationFixture(root);
    }

    private String link(String name) throws IOException {
        return Links.read(root.resolve(name)).orElse(null);
    }

    @Test
    void usrIsTheGenerationsSwAndTheTopLevelLinksLeadIntoIt() throws Exception {
        StorePath a = f.system().swFile("usr/bin/hello", "hello a").swFile("usr/lib64/ld.so", "ld").build();
        f.activator().activate(a);

        assertThat(link("usr")).isEqualTo(f.logical(a) + "/sw/usr");
        assertThat(link("bin")).isEqualTo("usr/bin");
        assertThat(link("sbin")).isEqualTo("usr/sbin");
        assertThat(link("lib")).isEqualTo("usr/lib");
        assertThat(link("lib64")).isEqualTo("usr/lib64");
        assertThat(Links.exists(root.resolve("lib32"))).as("only when the packages have it").isFalse();
        assertThat(f.read("/bin/hello")).isEqualTo("hello a");
        assertThat(f.read("/lib64/ld.so")).isEqualTo("ld");

        StorePath b = f.system().swFile("usr/bin/other", "other").swFile("usr/lib32/ld.so", "ld32").build();
        f.activator().activate(b);
        assertThat(link("usr")).isEqualTo(f.logical(b) + "/sw/usr");
        assertThat(f.exists("/bin/hello")).isFalse();
        assertThat(f.read("/lib32/ld.so")).isEqualTo("ld32");

        f.activator().activate(a);
        assertThat(f.read("/bin/hello")).isEqualTo("hello a");
        assertThat(Links.exists(root.resolve("lib32"))).as("no dangling lib32 link").isFalse();
    }

    @Test
    void aRealUsrIsNeverTouchedAndThePlanIsRefusedBeforeAnythingChanges() throws Exception {
        Files.createDirectories(root.resolve("usr/bin"));
        Files.writeString(root.resolve("usr/bin/mine"), "mine");
        StorePath a = f.system().etc("motd", "a\n").swFile("usr/bin/hello", "h").build();

        assertThatThrownBy(() -> f.activator().activate(a)).isInstanceOf(GenerationsException.class)
                .hasMessageContaining(root.resolve("usr") + " is a real directory that sysbuild did not make")
                .hasMessageContaining("never deletes or moves an existing /usr");
        assertThat(root.resolve("usr/bin/mine")).hasContent("mine");
        assertThat(Links.exists(f.etc("motd"))).isFalse();
        assertThat(f.profile.currentSystem()).isEmpty();
    }

    @Test
    void theHostsOwnMergedUsrLinksAreAcceptedButARealBinIsNot() throws Exception {
        Files.createSymbolicLink(root.resolve("lib64"), Path.of("usr/lib64"));
        Files.createDirectories(root.resolve("sbin"));
        StorePath a = f.system().swFile("usr/bin/hello", "h").build();

        assertThatThrownBy(() -> f.activator().activate(a)).hasMessageContaining(root.resolve("sbin")
                + " is a real directory or file, but with the merged /usr it must be the link 'usr/sbin'");
        assertThat(Links.exists(root.resolve("usr"))).isFalse();

        Files.delete(root.resolve("sbin"));
        f.activator().activate(a);
        assertThat(link("lib64")).isEqualTo("usr/lib64");
        assertThat(link("sbin")).isEqualTo("usr/sbin");
    }

    @Test
    void aGenerationWithoutDebianPackagesRemovesOnlyOurUsr() throws Exception {
        f.activator().activate(f.system().swFile("usr/bin/hello", "h").build());
        f.activator().activate(f.system().etc("motd", "m\n").build());
        assertThat(Links.exists(root.resolve("usr"))).isFalse();
    }

    @Test
    void aFailureAfterTheUsrStepPutsThePreviousUsrBack() throws Exception {
        StorePath a = f.system().swFile("usr/bin/hello", "a").unit("s.service", "1", true, false, true).build();
        f.activator().activate(a);
        StorePath b = f.system().swFile("usr/bin/hello", "b").unit("s.service", "2", true, false, true).build();
        Systemctl failing = args -> {
            if (args.equals(List.of("daemon-reload"))) throw new IOException("daemon-reload failed");
        };
        assertThatThrownBy(() -> f.activator(CrashPoints.none(), Optional.of(failing)).activate(b))
                .isInstanceOf(ActivationFailedException.class).hasMessageContaining("step 'services'");
        assertThat(link("usr")).isEqualTo(f.logical(a) + "/sw/usr");
        assertThat(f.read("/bin/hello")).isEqualTo("a");
    }

    @Test
    void aDryRunSaysWhatWouldBeLinked() throws Exception {
        StorePath a = f.system().swFile("usr/bin/hello", "h").build();
        List<String> lines = f.activator().plan(a).describe();
        assertThat(lines).contains("/usr:", "  link    /usr -> " + f.logical(a) + "/sw/usr", "  link    /bin -> usr/bin");
        assertThat(Links.exists(root.resolve("usr"))).isFalse();
    }

    @Test
    void newDebianPackagesWithMaintainerScriptsAreWarnedAboutOnce() throws Exception {
        StorePath a = f.system().debPackage("dash", "0.5.12-2", "postinst", "prerm").debPackage("hello", "2.10-3").build();
        f.activator().activate(a);
        assertThat(f.log).contains("warning: Debian package 'dash' 0.5.12-2 has postinst, prerm scripts that sysbuild"
                + " does not run (see docs/packages.md)");
        assertThat(f.log).noneMatch(l -> l.contains("'hello'"));

        f.log.clear();
        StorePath b = f.system().debPackage("dash", "0.5.12-2", "postinst", "prerm").debPackage("tzdata", "2024a", "postinst")
                .build();
        f.activator().activate(b);
        assertThat(f.log).noneMatch(l -> l.contains("'dash'"));
        assertThat(f.log).contains("warning: Debian package 'tzdata' 2024a has postinst script that sysbuild does not run"
                + " (see docs/packages.md)");
    }
}
