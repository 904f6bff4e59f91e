package dev.sysbuild.eval.modules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.eval.TestEval;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collectModules fast path called directly, with helpers written here: which shapes it
 * collects itself (a list) and which it leaves to the Nix function (null). The module cases
 * ({@code src/test/resources/modules/collect-*}) compare its results with the Nix function's.
 */
class ModuleClosureTest {
    @TempDir
    Path tmp;

    /** `collect MODULES`: the fast path with an args set and helpers that name what they are. */
    private static String collect(String modules, String show) {
        return TestEval.show("let"
                + " helpers = { loadAttrs = file: key: m: { config = \"from loadAttrs\"; file = \"from loadAttrs\"; };"
                + "   moduleArg = args: key: name: _: args.${name} or (throw \"no ${name} for ${key}\");"
                + "   unknownFile = \"<unknown-file>\"; importModule = import; };"
                + " args = { config = { }; options = { }; specialArgs = { }; given = \"given\"; };"
                + " r = __sysbuildCollectModules helpers args (" + modules + ");"
                + " in if r == null then null else map (" + show + ") r");
    }

    /** The root keyed "k" comes before the import keyed "k", whose own import is then never reached. */
    @Test
    void walksBreadthFirstWithTheKeysOfTheNixFunction() {
        String modules = "[ { imports = [ { imports = [ { } ]; } { key = \"k\"; imports = [ { } ]; } ]; }"
                + " (_: { require = [ { } ]; }) { key = \"k\"; } ]";
        assertThat(collect(modules, "m: m.key")).isEqualTo(
                "[ \":anon-1\" \":anon-2\" \"k\" \":anon-1:anon-1\" \":anon-2:anon-1\" \":anon-1:anon-1:anon-1\" ]");
    }

    @Test
    void callsAModuleFunctionWithTheArgumentsItNamesEachLazy() {
        String modules = "[ ({ given, missing, ... }: { x = given; }) ({ config, ... }@all: { n = builtins.length (builtins.attrNames all); }) ]";
        assertThat(collect(modules, "m: m.config")).isEqualTo("[ { x = \"given\"; } { n = 4; } ]");
        assertThat(TestEval.error("let"
                + " helpers = { loadAttrs = null; unknownFile = \"u\"; importModule = import;"
                + "   moduleArg = args: key: name: _: args.${name} or (throw \"no ${name} for ${key}\"); };"
                + " r = __sysbuildCollectModules helpers { } [ ({ missing, ... }: { x = missing; }) ];"
                + " in (builtins.head r).config.x")).isEqualTo("no missing for :anon-1");
    }

    @Test
    void takesFilesByPathAndDropsDisabledModulesWithWhatOnlyTheyImported() throws Exception {
        Path file = tmp.resolve("m.nix");
        Files.writeString(file, "{ given, ... }: { imports = [ { key = \"inner\"; } ]; x = given; }");
        Path only = tmp.resolve("only.nix");
        Files.writeString(only, "{ imports = [ { key = \"only-inner\"; } ]; }");
        String modules = "[ " + file + " { _file = \"f\"; imports = [ " + only + " ]; } { disabledModules = [ " + only + " ]; } ]";
        assertThat(collect(modules, "m: [ m.key m.file ]")).isEqualTo("[ [ \"" + file + "\" \"" + file + "\" ]"
                + " [ \":anon-2\" \"f\" ] [ \":anon-3\" \"<unknown-file>\" ] [ \"inner\" \"" + file + "\" ] ]");
    }

    @Test
    void leavesFreeformTypesAndOddFilesToLoadAttrs() {
        assertThat(collect("[ { freeformType = null; _file = 1; } ]", "m: [ m.config m.file ]"))
                .isEqualTo("[ [ \"from loadAttrs\" \"from loadAttrs\" ] ]");
    }

    @Test
    void handsEveryErrorAndUnknownShapeToTheNixFunction() {
        for (String modules : new String[] {
                "[ 42 ]", "[ { imports = 1; } ]", "[ { config = { }; stray = 1; } ]", "[ { __functor = self: { }; } ]",
                "[ (_: throw \"fails\") ]", "[ (_: [ ]) ]", "[ { disabledModules = [ 3 ]; } ]", "[ { key = { }; } ]",
                "[ ({ a }: { }) ]", "[ /does/not/exist.nix ]", "{ }"}) {
            assertThat(collect(modules, "m: m.key")).as(modules).isEqualTo("null");
        }
    }
}
