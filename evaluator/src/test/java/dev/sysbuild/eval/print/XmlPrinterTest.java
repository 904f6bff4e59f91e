package dev.sysbuild.eval.print;

import static dev.sysbuild.eval.TestEval.eval;
import static dev.sysbuild.eval.TestEval.evaluator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.eval.Bytes;
import dev.sysbuild.eval.Calls;
import dev.sysbuild.eval.value.NixString;
import dev.sysbuild.eval.value.Value;
import java.util.Set;
import org.junit.jupiter.api.Test;

class XmlPrinterTest {
    private static final String HEAD = "<?xml version='1.0' encoding='utf-8'?>\n<expr>\n";

    /** The text builtins.toXML gives, as Java text. */
    private static String toXml(String expr) {
        return Bytes.decode(((NixString) eval("builtins.toXML (" + expr + ")")).value);
    }

    @Test
    void writesEachKindOfValueOnItsOwnLine() {
        assertThat(toXml("{ i = -3; f = 567.890; b = true; n = null; s = \"x\"; l = [ 1 [ ] { } ]; p = /etc/hosts; }"))
                .isEqualTo(HEAD + """
                          <attrs>
                            <attr name="b">
                              <bool value="true" />
                            </attr>
                            <attr name="f">
                              <float value="567.89" />
                            </attr>
                            <attr name="i">
                              <int value="-3" />
                            </attr>
                            <attr name="l">
                              <list>
                                <int value="1" />
                                <list>
                                </list>
                                <attrs>
                                </attrs>
                              </list>
                            </attr>
                            <attr name="n">
                              <null />
                            </attr>
                            <attr name="p">
                              <path value="/etc/hosts" />
                            </attr>
                            <attr name="s">
                              <string value="x" />
                            </attr>
                          </attrs>
                        </expr>
                        """);
    }

    @Test
    void writesFunctionsAsTheirArgumentPatternWithFormalsSorted() {
        assertThat(toXml("[ (x: x) (args@{ z, a ? 1, ... }: a) ({ }: 1) builtins.head ]"))
                .isEqualTo(HEAD + """
                          <list>
                            <function>
                              <varpat name="x" />
                            </function>
                            <function>
                              <attrspat ellipsis="1" name="args">
                                <attr name="a" />
                                <attr name="z" />
                              </attrspat>
                            </function>
                            <function>
                              <attrspat>
                              </attrspat>
                            </function>
                            <unevaluated />
                          </list>
                        </expr>
                        """);
    }

    @Test
    void escapesMarkupAndNewlinesOnly() {
        assertThat(toXml("{ \"a<b\" = \"q\\\" <&> \\n\\r\\t é\"; }"))
                .isEqualTo(HEAD + """
                          <attrs>
                            <attr name="a&lt;b">
                              <string value="q&quot; &lt;&amp;&gt; &#xA;\r\t é" />
                            </attr>
                          </attrs>
                        </expr>
                        """);
    }

    @Test
    void writesADerivationsAttributesOnlyTheFirstTimeItsDrvPathAppears() {
        String drv = "{ type = \"derivation\"; drvPath = \"/nix/store/a.drv\"; outPath = \"/nix/store/a\"; }";
        assertThat(toXml("let d = " + drv + "; in [ d d { type = \"derivation\"; } ]"))
                .isEqualTo(HEAD + """
                          <list>
                            <derivation drvPath="/nix/store/a.drv" outPath="/nix/store/a">
                              <attr name="drvPath">
                                <string value="/nix/store/a.drv" />
                              </attr>
                              <attr name="outPath">
                                <string value="/nix/store/a" />
                              </attr>
                              <attr name="type">
                                <string value="derivation" />
                              </attr>
                            </derivation>
                            <derivation drvPath="/nix/store/a.drv" outPath="/nix/store/a">
                              <repeated />
                            </derivation>
                            <derivation>
                              <repeated />
                            </derivation>
                          </list>
                        </expr>
                        """);
    }

    @Test
    void withoutStrictLeavesUnevaluatedPartsAlone() {
        Value v = eval("{ a = 1 + 1; b = 2; }");
        assertThat(XmlPrinter.print(evaluator(), v, false)).isEqualTo(HEAD + """
                  <attrs>
                    <attr name="a">
                      <unevaluated />
                    </attr>
                    <attr name="b">
                      <int value="2" />
                    </attr>
                  </attrs>
                </expr>
                """);
        assertThat(XmlPrinter.print(evaluator(), v, true)).contains("<int value=\"2\" />\n    </attr>\n    <attr name=\"b\">");
    }

    /**
     * An argument like {@code y - 1} is computed at the call only for a function that forces it
     * before anything else; passed to any other function it stays a thunk and prints as one.
     */
    @Test
    void anArgumentStaysUnevaluatedUnlessTheFunctionForcesItFirst() {
        String lazy = XmlPrinter.print(evaluator(), eval("let y = 5; in (x: { a = x; }) (y - 1)"), false);
        assertThat(lazy).contains("<attr name=\"a\">\n      <unevaluated />");
        String forced = XmlPrinter.print(evaluator(), eval("let y = 5; in (n: if n < 1 then { a = n; } else { a = n; }) (y - 1)"), false);
        assertThat(forced).contains("<attr name=\"a\">\n      <int value=\"4\" />");
        // An argument that would overflow is left to the thunk: unused, it is no error.
        assertThat(XmlPrinter.print(evaluator(), eval("let y = 9223372036854775807; in (n: if true then 1 else n) (y + 1)"), true))
                .contains("<int value=\"1\" />");
        assertThat(dev.sysbuild.eval.TestEval.error("let y = 9223372036854775807; in (n: if n < 0 then 1 else 2) (y + 1)"))
                .contains("overflow");
    }

    @Test
    void toXmlKeepsTheContextOfTheStringsInside() {
        String path = "/nix/store/0123456789abcdfghijklmnpqrsvwxyz-dep";
        Value xml = Calls.apply(eval("x: builtins.toXML [ x ]"), NixString.of(path, Set.of(path)), null);
        assertThat(((NixString) xml).value).contains("<string value=\"" + path + "\" />");
        assertThat(((NixString) xml).context()).containsExactly(path);
    }
}
