package dev.sysbuild.eval.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.TestEval;
import dev.sysbuild.eval.print.ValuePrinter;
import org.junit.jupiter.api.Test;

/** Strings get context through appendContext here; DerivationBuiltinsTest has the context derivations give. */
class ContextBuiltinsTest {
    private static final String DRV = "/nix/store/cxl3gdvrylxaanfsn3n3a8lhnh2jfrc5-simple.drv";
    private static final String SRC = "/nix/store/4k1qmf2xxr1jqhd2g72ymf2a9yg8blm7-hello.txt";
    private static final String WITH_CTX = "let s = builtins.appendContext \"x\" { \"" + DRV + "\" = { outputs = [ \"out\" \"dev\" ]; "
            + "allOutputs = true; }; \"" + SRC + "\" = { path = true; }; }; in ";

    private static String eval(String expr) {
        return ValuePrinter.print(TestEval.nixStoreEvaluator().evalString("«test»", expr, "/"), true);
    }

    @Test
    void getContextGroupsElementsByStorePath() {
        assertThat(eval(WITH_CTX + "builtins.getContext s")).isEqualTo("{ \"" + SRC + "\" = { path = true; }; \"" + DRV
                + "\" = { allOutputs = true; outputs = [ \"dev\" \"out\" ]; }; }");
    }

    @Test
    void plainStringsHaveNoContext() {
        assertThat(eval("builtins.getContext \"abc\"")).isEqualTo("{ }");
        assertThat(eval("builtins.hasContext \"abc\"")).isEqualTo("false");
        assertThat(eval(WITH_CTX + "builtins.hasContext s")).isEqualTo("true");
    }

    @Test
    void contextSurvivesConcatenationAndIsDroppedOnRequest() {
        assertThat(eval(WITH_CTX + "builtins.attrNames (builtins.getContext (s + \"y\"))")).contains(DRV, SRC);
        assertThat(eval(WITH_CTX + "builtins.hasContext (builtins.unsafeDiscardStringContext s)")).isEqualTo("false");
        assertThat(eval(WITH_CTX + "builtins.unsafeDiscardStringContext s")).isEqualTo("\"x\"");
    }

    @Test
    void discardingTheOutputDependencyKeepsTheDrvAsAPlainPath() {
        assertThat(eval(WITH_CTX + "builtins.getContext (builtins.unsafeDiscardOutputDependency s)")).isEqualTo("{ \""
                + SRC + "\" = { path = true; }; \"" + DRV + "\" = { outputs = [ \"dev\" \"out\" ]; path = true; }; }");
    }

    @Test
    void addDrvOutputDependenciesTurnsADrvPathIntoAllOutputs() {
        String drvOnly = "let d = builtins.appendContext \"d\" { \"" + DRV + "\" = { path = true; }; }; in ";
        assertThat(eval(drvOnly + "builtins.getContext (builtins.addDrvOutputDependencies d)"))
                .isEqualTo("{ \"" + DRV + "\" = { allOutputs = true; }; }");
        assertThat(eval(drvOnly + "let a = builtins.addDrvOutputDependencies d; in a == builtins.addDrvOutputDependencies a"))
                .isEqualTo("true");
    }

    @Test
    void addDrvOutputDependenciesNeedsExactlyOneDerivation() {
        assertThatThrownBy(() -> eval("builtins.addDrvOutputDependencies \"\""))
                .isInstanceOf(EvalException.class)
                .hasMessage("context of string '' must have exactly one element, but has 0");
        assertThatThrownBy(() -> eval(WITH_CTX + "builtins.addDrvOutputDependencies s"))
                .hasMessage("context of string 'x' must have exactly one element, but has 4");
        assertThatThrownBy(() -> eval("builtins.addDrvOutputDependencies (builtins.appendContext \"p\" { \"" + SRC
                + "\" = { path = true; }; })"))
                .hasMessage("path '" + SRC + "' is not a derivation");
    }

    @Test
    void appendContextChecksItsKeys() {
        assertThatThrownBy(() -> eval("builtins.appendContext \"x\" { \"/tmp/foo\" = { path = true; }; }"))
                .hasMessage("context key '/tmp/foo' is not a store path");
        assertThatThrownBy(() -> eval("builtins.appendContext \"x\" { \"" + SRC + "\" = { allOutputs = true; }; }"))
                .hasMessage("tried to add all-outputs context of " + SRC + ", which is not a derivation, to a string");
        assertThatThrownBy(() -> eval("builtins.appendContext \"x\" { \"" + SRC + "\" = { outputs = [ \"out\" ]; }; }"))
                .hasMessage("tried to add derivation output context of " + SRC + ", which is not a derivation, to a string");
    }

    @Test
    void namesAndPatternsMustNotCarryContext() {
        assertThatThrownBy(() -> eval(WITH_CTX + "builtins.hashString s \"x\""))
                .hasMessageStartingWith("the string 'x' is not allowed to refer to a store path (such as '/nix/store/");
    }
}
