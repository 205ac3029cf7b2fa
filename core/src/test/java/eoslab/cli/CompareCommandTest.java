package eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import eoslab.io.ComparisonCsv;
import eoslab.io.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code eoslab compare} end to end: one JSON object with gd, gf and the comparison, and the aligned CSV. */
class CompareCommandTest extends EoslabTest {

    @Test
    void jsonHasBothSummariesAndTheComparison() {
        CliRun r = CliRun.of("compare", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("gd", "gf", "regularization_gain", "edge_threshold", "first_step_above_edge",
                "max_distance", "max_distance_step");
        JsonNode gd = j.get("gd");
        JsonNode gf = j.get("gf");
        JsonNode run = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--json").json();
        assertThat(gd).isEqualTo(run);
        double eta = gd.get("eta").asDouble();
        assertThat(gf.get("gf_sharpness").asDouble()).isEqualTo(gd.get("gf_sharpness").asDouble());
        assertThat(gf.get("norm").asDouble()).isCloseTo(gf.get("gf_sharpness").asDouble(), within(1e-13));
        assertThat(gf.has("a")).isFalse();
        double gain = j.get("regularization_gain").asDouble();
        assertThat(gain).isCloseTo(1 - gd.get("norm").asDouble() / gf.get("gf_sharpness").asDouble(), within(1e-15));
        assertThat(gain).as("GD lands on a flatter minimum than GF").isGreaterThan(0.5);
        assertThat(j.get("edge_threshold").asDouble()).isCloseTo(2 / eta, within(1e-13));
        assertThat(j.get("first_step_above_edge").asLong()).as("the start is already above 2/η").isZero();
        assertThat(j.get("max_distance").asDouble()).isPositive();
    }

    @Test
    void stableRunStaysBelowTheEdgeAndTracksTheFlow() {
        JsonNode j = CliRun.of("compare", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "0.01", "--json").json();
        assertThat(j.get("first_step_above_edge").isNull()).isTrue();
        assertThat(j.get("regularization_gain").asDouble()).isBetween(0.0, 1e-3);
        assertThat(j.get("max_distance").asDouble()).as("small steps follow the flow").isLessThan(0.05);
    }

    @Test
    void divergedRunHasNoGain() {
        CliRun r = CliRun.of("compare", "--m0", "0.1", "--lambda0", "5", "--eta", "3", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("regularization_gain").isNull()).isTrue();
        assertThat(r.json().get("gd").get("outcome").asText()).isEqualTo("diverged");
    }

    @Test
    void csvAlignsBothSeriesOnOneClock(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cmp.csv");
        CliRun r = CliRun.of("compare", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "0.5", "--every", "3", "--out",
                out.toString(), "--json");
        assertThat(r.code()).isZero();
        long steps = r.json().get("gd").get("steps").asLong();
        double eta = r.json().get("gd").get("eta").asDouble();
        CliRun.Csv csv = CliRun.csv(out);
        assertThat(csv.header()).containsExactlyElementsOf(ComparisonCsv.COLUMNS);
        assertThat(csv.header()).startsWith("step", "time", "gd_loss").contains("gf_gf_sharpness", "gd_sharpness");
        assertThat(csv.rows().get(0).get("step")).isEqualTo("0");
        assertThat(csv.rows().get(csv.rows().size() - 1).get("step")).isEqualTo(Long.toString(steps));
        assertThat(csv.rows()).hasSize((int) ((steps - 1) / 3 + 2));
        for (int i = 0; i < csv.rows().size(); i++) {
            assertThat(csv.value(i, "time")).isCloseTo(eta * csv.value(i, "step"), within(1e-12));
            assertThat(csv.value(i, "gf_imbalance")).isCloseTo(Math.sqrt(25 - 0.04), within(1e-12));
        }
        assertThat(csv.value(0, "gd_norm")).isEqualTo(csv.value(0, "gf_norm"));
        assertThat(Files.exists(Manifest.pathFor(out))).isTrue();
    }
}
