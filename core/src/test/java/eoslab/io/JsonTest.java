package eoslab.io;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Json}: insertion order, nested maps, lists and double[], and no NaN or infinity anywhere. */
class JsonTest extends EoslabTest {

    private static Map<String, Object> nested(Object leaf) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", Arrays.asList(2.5, null, leaf));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", "converged");
        m.put("inner", inner);
        m.put("list", List.of(Map.of("v", new double[] {1.0, -0.5})));
        return m;
    }

    @Test
    void compactKeepsInsertionOrderAndNests() {
        assertThat(Json.compact(nested(3.0))).isEqualTo(
                "{\"outcome\":\"converged\",\"inner\":{\"z\":1,\"a\":[2.5,null,3.0]},\"list\":[{\"v\":[1.0,-0.5]}]}");
    }

    @Test
    void prettyIsTheSameTreeOnSeveralLines() throws Exception {
        String pretty = Json.pretty(nested(3.0));
        assertThat(pretty.lines().count()).isGreaterThan(5);
        JsonNode a = Json.mapper().readTree(pretty);
        JsonNode b = Json.mapper().readTree(Json.compact(nested(3.0)));
        assertThat(a).isEqualTo(b);
        List<String> keys = new ArrayList<>();
        a.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("outcome", "inner", "list");
    }

    @Test
    void doublesRoundTripExactly() throws Exception {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.scalb(rng.nextGaussian(), rng.nextInt(600) - 300);
        }
        JsonNode n = Json.mapper().readTree(Json.compact(Map.of("v", v)));
        for (int i = 0; i < v.length; i++) {
            assertThat(n.get("v").get(i).doubleValue()).isEqualTo(v[i]);
        }
    }

    @Test
    void refusesNonFiniteNumbersAnywhere() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Map<String, Object> inMap = new HashMap<>();
            inMap.put("x", bad);
            List<Object> cases = List.of(bad, inMap, List.of(1.0, bad), nested(bad),
                    Map.of("arr", new double[] {0.0, bad}), List.of(List.of(Map.of("deep", List.of(bad)))),
                    new double[][] {{1.0}, {bad}}, Map.of("o", new Object[] {"a", bad}));
            for (Object c : cases) {
                assertThatThrownBy(() -> Json.compact(c)).as("compact %s", c)
                        .isInstanceOf(IllegalStateException.class).hasMessage("non-finite number in a result: " + bad);
                assertThatThrownBy(() -> Json.pretty(c)).as("pretty %s", c)
                        .isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void refusesNonFiniteFloatsToo() {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            for (Object c : List.of(Map.of("f", bad), new float[] {1f, bad}, List.of(bad))) {
                assertThatThrownBy(() -> Json.compact(c)).as("compact %s", c).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void largeAndTinyFiniteNumbersAreFine() {
        assertThat(Json.compact(List.of(Double.MAX_VALUE, Double.MIN_VALUE, -0.0)))
                .isEqualTo("[1.7976931348623157E308,4.9E-324,-0.0]");
    }
}
