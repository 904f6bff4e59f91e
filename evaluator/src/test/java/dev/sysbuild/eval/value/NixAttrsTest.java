package dev.sysbuild.eval.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sysbuild.language.diag.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@code //} on sets: a fold of small updates over a big set is layered (see NixAttrs) and must
 * read exactly as the plain merge would, whether it is looked up through its layers, flattened
 * early, or flattened by going past the layer limit.
 */
class NixAttrsTest {
    private static final Span NO_POS = null;

    private static NixAttrs set(TreeMap<String, Integer> entries) {
        AttrsBuilder b = new AttrsBuilder(entries.size());
        entries.forEach((k, v) -> b.put(k, NixInt.of(v), NO_POS));
        return b.build();
    }

    private static void assertSame(NixAttrs actual, TreeMap<String, Integer> expected) {
        // Lookups first, while the set may still be layered.
        for (var e : expected.entrySet()) {
            assertThat(((NixInt) actual.get(e.getKey())).value).as(e.getKey()).isEqualTo(e.getValue().longValue());
        }
        assertThat(actual.get("absent")).isNull();
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.names()).containsExactlyElementsOf(expected.keySet());
        List<Long> values = new ArrayList<>();
        for (Value v : actual.values()) values.add(((NixInt) v).value);
        assertThat(values).containsExactlyElementsOf(expected.values().stream().map(Integer::longValue).toList());
    }

    @Test
    void aFoldOfSmallUpdatesReadsAsThePlainMerge() {
        Random random = new Random(42);
        TreeMap<String, Integer> expected = new TreeMap<>();
        for (int i = 0; i < 300; i++) expected.put("k" + i, i);
        NixAttrs acc = set(expected);
        List<NixAttrs> steps = new ArrayList<>();
        List<TreeMap<String, Integer>> stepsExpected = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            TreeMap<String, Integer> small = new TreeMap<>();
            for (int j = 0; j < 1 + random.nextInt(4); j++) {
                // Some names exist already (overridden), some are new.
                String name = random.nextBoolean() ? "k" + random.nextInt(300) : "n" + step + "_" + j;
                small.put(name, 1000 * step + j);
            }
            acc = acc.update(set(small));
            expected.putAll(small);
            steps.add(acc);
            stepsExpected.add(new TreeMap<>(expected));
        }
        // Every intermediate set keeps its own contents, whichever is read (or flattened) first.
        for (int i = steps.size() - 1; i >= 0; i -= 3) assertSame(steps.get(i), stepsExpected.get(i));
        for (int i = 0; i < steps.size(); i++) assertSame(steps.get(i), stepsExpected.get(i));
    }

    @Test
    void aSmallSetOverABigOneKeepsThePositionOfTheNewerDefinition() {
        TreeMap<String, Integer> big = new TreeMap<>();
        for (int i = 0; i < 100; i++) big.put("a" + i, i);
        Span first = new Span(dev.sysbuild.language.diag.Source.ofString("base.nix", "{ a = 1; }"), 2, 3);
        Span second = new Span(dev.sysbuild.language.diag.Source.ofString("over.nix", "{ a5 = -5; }"), 2, 4);
        AttrsBuilder b = new AttrsBuilder();
        big.forEach((k, v) -> b.put(k, NixInt.of(v), first));
        NixAttrs result = b.build().update(new AttrsBuilder().put("a5", NixInt.of(-5), second).build());
        assertThat(result.positionOf("a5")).isEqualTo(second);
        assertThat(result.positionOf("a6")).isEqualTo(first);
        assertThat(((NixInt) result.get("a5")).value).isEqualTo(-5);
        assertThat(result.position(result.indexOf("a5"))).isEqualTo(second);
        assertThat(result.size()).isEqualTo(100);
    }
}
