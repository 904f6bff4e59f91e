package dev.sysbuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Dependencies between our modules point one way, as docs/architecture.md (and DESIGN.md) say. */
class ModuleDirectionTest {
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "language", Set.of(),
            "store", Set.of(),
            "evaluator", Set.of("language", "store"),
            "generations", Set.of("store"),
            "cli", Set.of("language", "store", "evaluator", "generations"));

    private static final Pattern OUR_DEPENDENCY = Pattern.compile("<artifactId>sysbuild-([a-z]+)</artifactId>");

    @Test
    void everyModuleDependsOnlyOnWhatItMay() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        for (Map.Entry<String, Set<String>> module : ALLOWED.entrySet()) {
            String pom = Files.readString(root.resolve(module.getKey()).resolve("pom.xml"));
            int deps = pom.indexOf("<dependencies>");
            Set<String> used = new TreeSet<>();
            if (deps >= 0) {
                Matcher m = OUR_DEPENDENCY.matcher(pom.substring(deps));
                while (m.find()) used.add(m.group(1));
            }
            assertThat(used).as("sysbuild modules that %s depends on", module.getKey())
                    .isSubsetOf(module.getValue());
        }
    }

    @Test
    void sourcesImportOnlyAllowedModules() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        Map<String, String> packageOf = Map.of("language", "dev.sysbuild.language", "store", "dev.sysbuild.store",
                "evaluator", "dev.sysbuild.eval", "generations", "dev.sysbuild.generations", "cli", "dev.sysbuild.cli");
        for (Map.Entry<String, Set<String>> module : ALLOWED.entrySet()) {
            Path src = root.resolve(module.getKey()).resolve("src/main/java");
            if (!Files.isDirectory(src)) continue;
            try (var files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    for (Map.Entry<String, String> other : packageOf.entrySet()) {
                        if (other.getKey().equals(module.getKey()) || module.getValue().contains(other.getKey())) continue;
                        assertThat(text).as("%s must not use module %s", root.relativize(f), other.getKey())
                                .doesNotContain("import " + other.getValue() + ".");
                    }
                }
            }
        }
    }

    @Test
    void onlyTheLanguageModuleSeesAntlr() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        for (String module : ALLOWED.keySet()) {
            if (module.equals("language")) continue;
            Path src = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(src)) continue;
            try (var files = Files.walk(src)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    assertThat(text).as("%s", root.relativize(f))
                            .doesNotContain("org.antlr")
                            .doesNotContain("dev.sysbuild.language.internal");
                }
            }
        }
    }
}
