package dev.sysbuild.eval.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sysbuild.eval.EvalException;
import dev.sysbuild.eval.TestEval;
import dev.sysbuild.language.diag.Frame;
import org.junit.jupiter.api.Test;

/**
 * What {@code derivation}, {@code derivationStrict} and {@code placeholder} give and refuse, with
 * store {@code /nix/store}. Expected texts are what {@code nix-instantiate --eval --strict} (Nix
 * 2.8.0) printed for the same expression; paths and {@code .drv} bytes of more derivations are in
 * {@link DerivationGoldenTest}.
 */
class DerivationBuiltinsTest {
    private static final String SIMPLE = "derivation { name = \"simple\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; "
            + "args = [ \"-c\" \"echo hi > $out\" ]; }";
    private static final String SIMPLE_DRV = "/nix/store/cxl3gdvrylxaanfsn3n3a8lhnh2jfrc5-simple.drv";
    private static final String SIMPLE_OUT = "/nix/store/i5xvchlm36jash0k9ndh3vya563ls965-simple";
    private static final String TWO = "derivation { name = \"two\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; "
            + "outputs = [ \"out\" \"dev\" ]; }";

    private static String show(String expr) {
        return TestEval.show(TestEval.nixStoreEvaluator(), expr);
    }

    private static String error(String expr) {
        return TestEval.error(TestEval.nixStoreEvaluator(), expr);
    }

    @Test
    void aDerivationPrintsAsInNix() {
        // Each output's set is the derivation itself, so Nix prints it as «repeated».
        assertThat(show(SIMPLE)).isEqualTo("{ all = [ «repeated» ]; args = [ \"-c\" \"echo hi > $out\" ]; "
                + "builder = \"/bin/sh\"; drvAttrs = { args = «repeated»; builder = \"/bin/sh\"; name = \"simple\"; "
                + "system = \"x86_64-linux\"; }; drvPath = \"" + SIMPLE_DRV + "\"; name = \"simple\"; out = «repeated»; "
                + "outPath = \"" + SIMPLE_OUT + "\"; outputName = \"out\"; system = \"x86_64-linux\"; "
                + "type = \"derivation\"; }");
    }

    @Test
    void derivationIsALambdaWithOneFormal() {
        assertThat(show("[ (builtins.typeOf derivation) (builtins.functionArgs derivation) ]"))
                .isEqualTo("[ \"lambda\" { outputs = true; } ]");
        assertThat(show("derivation == builtins.derivation")).isEqualTo("false");
    }

    @Test
    void outPathAndDrvPathDependOnTheDerivation() {
        assertThat(show("let d = " + SIMPLE + "; in [ (builtins.getContext d.outPath) (builtins.getContext d.drvPath) ]"))
                .isEqualTo("[ { \"" + SIMPLE_DRV + "\" = { outputs = [ \"out\" ]; }; } { \"" + SIMPLE_DRV
                        + "\" = { allOutputs = true; }; } ]");
        assertThat(show("let d = " + SIMPLE + "; in builtins.getContext \"${d}\""))
                .isEqualTo("{ \"" + SIMPLE_DRV + "\" = { outputs = [ \"out\" ]; }; }");
    }

    @Test
    void everyOutputHasItsOwnSetAndPath() {
        // Paths from nix-instantiate --eval --strict of the same expression.
        assertThat(show("let d = " + TWO + "; in [ d.outputName d.dev.outputName d.out.outPath d.dev.outPath "
                + "(d.out == d) (d.all == [ d d.dev ]) (builtins.getContext d.dev.outPath) ]"))
                .isEqualTo("[ \"out\" \"dev\" \"/nix/store/5pp2d3hi3pm2b9n1dh9g77lp6gharik7-two\" "
                        + "\"/nix/store/2ddr067z4441r8ipxvhliymzib12z3rr-two-dev\" true true "
                        + "{ \"/nix/store/idlv41cxq6jm28b4d9cayymj9sp9kyy6-two.drv\" = { outputs = [ \"dev\" ]; }; } ]");
    }

    @Test
    void derivationStrictGivesTheDrvPathAndEveryOutput() {
        assertThat(show("builtins.derivationStrict { name = \"x\"; system = \"y\"; builder = \"z\"; outputs = [ \"b\" \"a\" ]; }"))
                .isEqualTo("{ a = \"/nix/store/65lp040aflxhfam37a0ycw21w6jrqs1g-x-a\"; "
                        + "b = \"/nix/store/mjaikmbvvkld9c3nfcr5nafqlhrbkl6b-x-b\"; "
                        + "drvPath = \"/nix/store/ir1ip4xd89zpqgnbir2d43g037ag1g1g-x.drv\"; }");
    }

    @Test
    void nothingIsInstantiatedUntilAPathIsNeeded() {
        // Only the attributes and the outputs are forced; the builder is not looked at.
        assertThat(show("(derivation { name = \"lazy\"; builder = throw \"unused\"; }).name")).isEqualTo("\"lazy\"");
        assertThat(show("(derivation { name = \"lazy\"; builder = throw \"unused\"; }).type")).isEqualTo("\"derivation\"");
        assertThat(error("(derivation { name = \"lazy\"; builder = throw \"used\"; }).outPath")).isEqualTo("used");
    }

    @Test
    void derivationsCompareByOutPath() {
        String a = "derivation { name = \"a\"; builder = \"/foo\"; system = \"i686-linux\"; }";
        assertThat(show("[ (" + a + " == " + a + ") ((" + a + ") == (" + a + ") // { dummy = 1; }) ("
                + a + " == derivation { name = \"a\"; builder = \"/bar\"; system = \"i686-linux\"; }) ]"))
                .isEqualTo("[ true true false ]");
    }

    @Test
    void placeholderIsTheHashOfTheOutputName() {
        // nix-formats.md section 3.
        assertThat(show("builtins.placeholder \"out\"")).isEqualTo("\"/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9\"");
        assertThat(error("builtins.placeholder [ ]")).isEqualTo("expected a string but found a list: [ ]");
    }

    @Test
    void requiredAttributesAreNamedWhenMissing() {
        assertThat(error("(derivation { name = \"a\"; builder = \"z\"; }).outPath")).isEqualTo("required attribute 'system' missing");
        assertThat(error("(derivation { name = \"a\"; system = \"z\"; builder = \"\"; }).outPath"))
                .isEqualTo("required attribute 'builder' missing");
        assertThat(error("builtins.derivationStrict { }")).isEqualTo("attribute 'name' missing");
        assertThat(error("builtins.derivationStrict { name = 1; }")).isEqualTo("expected a string but found an integer: 1");
    }

    @Test
    void badNamesAreRefused() {
        assertThat(error("(derivation { name = \"a.drv\"; system = \"y\"; builder = \"z\"; }).outPath"))
                .isEqualTo("derivation names are not allowed to end in '.drv'");
        assertThat(error("(derivation { name = \"~jiggle~\"; system = \"y\"; builder = \"z\"; }).outPath"))
                .startsWith("invalid derivation name: name '~jiggle~' contains illegal character '~'. Please pass a "
                        + "different 'name'");
    }

    @Test
    void outputsAreChecked() {
        String base = "builtins.derivationStrict { name = \"foo\"; builder = 1; system = 1; ";
        assertThat(error(base + "outputs = [ ]; }")).isEqualTo("derivation cannot have an empty set of outputs");
        assertThat(error(base + "outputs = [ \"out\" \"out\" ]; }")).isEqualTo("duplicate derivation output 'out'");
        assertThat(error(base + "outputs = \"drvPath\"; }")).isEqualTo("invalid derivation output name 'drvPath'");
        assertThat(error(base + "outputs = { }; }")).isEqualTo("cannot coerce a set to a string: { }");
        assertThat(error("builtins.derivationStrict { name = \"foo\"; outputs = \"out\"; __structuredAttrs = true; }"))
                .isEqualTo("expected a list but found a string: \"out\"");
        assertThat(error("(derivation { name = \"a\"; system = \"z\"; builder = \"x\"; outputs = [ \"out\" \"dev\" ]; "
                + "outputHash = \"sha256-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=\"; }).outPath"))
                .isEqualTo("multiple outputs are not supported in fixed-output derivations");
    }

    @Test
    void fixedOutputHashesAreChecked() {
        String base = "(derivation { name = \"a\"; system = \"z\"; builder = \"x\"; ";
        assertThat(error(base + "outputHash = \"abc\"; }).outPath"))
                .isEqualTo("hash 'abc' does not include a type, nor is the type otherwise known from context");
        assertThat(error(base + "outputHashAlgo = \"sha256\"; outputHash = \"sha1-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=\"; }).outPath"))
                .isEqualTo("hash 'sha1-LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=' should have type 'sha256'");
        assertThat(error(base + "outputHashMode = \"custom\"; }).outPath"))
                .isEqualTo("invalid value 'custom' for 'outputHashMode' attribute");
    }

    @Test
    void anEmptyOutputHashIsAllZeros() {
        // As Nix 2.8 (after its warning): the build then reports the real hash.
        assertThat(show("(derivation { name = \"x\"; system = \"x86_64-linux\"; builder = \"/bin/sh\"; outputHash = \"\"; "
                + "outputHashAlgo = \"sha256\"; }).outPath")).isEqualTo("\"/nix/store/yplc6kklcg6k8aln037jq8jxq5v92wln-x\"");
    }

    @Test
    void attributeErrorsSayWhichAttributeOfWhichDerivation() {
        EvalException e = catchThrowableOfType(() -> show(
                "builtins.derivationStrict { name = \"foo\"; builder = 1; system = 1; FOO = { }; }"), EvalException.class);
        assertThat(e.frames()).extracting(Frame::description)
                .contains("while evaluating attribute 'FOO' of derivation 'foo'", "while evaluating derivation 'foo'");
    }

    @Test
    void contentAddressedDerivationsAreNotSupported() {
        assertThat(error("(derivation { name = \"a\"; system = \"z\"; builder = \"x\"; __contentAddressed = true; }).outPath"))
                .contains("experimental");
        assertThat(error("builtins.derivationStrict { name = \"foo\"; __impure = \"true\"; }"))
                .isEqualTo("expected a Boolean but found a string: \"true\"");
    }

    @Test
    void anInputMustBeKnownToTheEvaluation() {
        // Nix would read this .drv from its store; evaluation here never reads the store.
        assertThat(error("(derivation { name = \"x\"; system = \"y\"; builder = \"z\"; x = builtins.appendContext \"a\" "
                + "{ \"" + SIMPLE_DRV + "\" = { outputs = [ \"out\" ]; }; }; }).drvPath"))
                .startsWith("derivation '" + SIMPLE_DRV + "' is not known to this evaluation");
    }
}
