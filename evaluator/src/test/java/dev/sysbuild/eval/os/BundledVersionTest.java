package dev.sysbuild.eval.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version the OS modules write into every toplevel is the project's (the top pom.xml's). */
class BundledVersionTest {
    @Test
    void versionNixMatchesThePom() throws Exception {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        String pom = Files.readString(base.getParent().resolve("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>sysbuild-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(m.find()).as("the project version in pom.xml").isTrue();
        String version = Files.readString(base.resolve("src/main/resources/sysbuild/os/version.nix"));
        assertThat(version).as("sysbuild/os/version.nix (update it with the pom's version)").contains("\"" + m.group(1) + "\"");
    }
}
