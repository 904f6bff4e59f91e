package dev.sysbuild.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5, true, false, null], \"b\": \"x\\n\\u00e9\\\"\", \"c\": {}} ");
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2.5, true, false, null),
                "b", "x\né\"", "c", Map.of()));
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "al\"ice\t");
        m.put("ids", List.of(1000L, 2L));
        m.put("none", null);
        m.put("empty", List.of());
        String compact = Json.write(m);
        assertThat(compact).isEqualTo("{\"name\":\"al\\\"ice\\t\",\"ids\":[1000,2],\"none\":null,\"empty\":[]}");
        assertThat(Json.parse(compact)).isEqualTo(m);
        assertThat(Json.parse(Json.writePretty(m))).isEqualTo(m);
        assertThat(Json.writePretty(Map.of("a", 1L))).isEqualTo("{\n  \"a\": 1\n}\n");
    }

    @Test
    void refusesMalformedInputWithItsOffset() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,}")).isInstanceOf(JsonException.class)
                .hasMessageContaining("offset 8");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("end of the document");
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate member 'a'");
        assertThatThrownBy(() -> Json.parseObject("[]")).hasMessageContaining("an array");
    }
}
