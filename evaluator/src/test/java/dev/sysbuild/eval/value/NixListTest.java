package dev.sysbuild.eval.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ++}: a pending concatenation (see NixList) reads exactly as the copied list would. */
class NixListTest {
    private static NixList ints(int from, int count) {
        Value[] v = new Value[count];
        for (int i = 0; i < count; i++) v[i] = NixInt.of(from + i);
        return NixList.wrap(v);
    }

    private static List<Long> values(NixList l) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) out.add(((NixInt) l.get(i)).value);
        return out;
    }

    @Test
    void aFoldOfAppendsKeepsEveryIntermediateListAndItsOrder() {
        NixList acc = NixList.EMPTY;
        List<NixList> steps = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        List<List<Long>> stepsExpected = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            NixList small = ints(step * 10, 1 + step % 3);
            // Alternate appending and prepending, so pending nodes nest on both sides.
            acc = step % 5 == 0 ? NixList.concat(small, acc) : NixList.concat(acc, small);
            List<Long> s = values(small);
            if (step % 5 == 0) expected.addAll(0, s); else expected.addAll(s);
            steps.add(acc);
            stepsExpected.add(new ArrayList<>(expected));
        }
        assertThat(values(steps.get(150))).isEqualTo(stepsExpected.get(150));
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).size()).isEqualTo(stepsExpected.get(i).size());
            assertThat(values(steps.get(i))).as("step %d", i).isEqualTo(stepsExpected.get(i));
        }
    }

    @Test
    void aVeryLongChainFlattensWithoutRecursion() {
        NixList acc = NixList.EMPTY;
        for (int i = 0; i < 200_000; i++) acc = NixList.concat(acc, ints(i, 1));
        assertThat(acc.size()).isEqualTo(200_000);
        assertThat(((NixInt) acc.get(199_999)).value).isEqualTo(199_999L);
        assertThat(((NixInt) acc.items()[12_345]).value).isEqualTo(12_345L);
    }

    @Test
    void concatenatingAnEmptyListGivesTheOtherOperand() {
        NixList l = ints(0, 3);
        assertThat(NixList.concat(NixList.EMPTY, l)).isSameAs(l);
        assertThat(NixList.concat(l, NixList.EMPTY)).isSameAs(l);
    }
}
