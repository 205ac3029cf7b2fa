package eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import eoslab.io.Manifest;
import eoslab.io.TrajectoryCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code eoslab flow} end to end: exact and ODE summaries, the limit point, the sampled CSV. */
class FlowCommandTest extends EoslabTest {

    @Test
    void exactAndOdeSummariesAgree() {
        String[] common = {"flow", "--a", "0.9,-0.3,0.5", "--b", "0.2,0.8,-0.1", "--phi", "1.5", "--json"};
        JsonNode exact = CliRun.of(common).json();
        List<String> odeArgs = new ArrayList<>(List.of(common));
        odeArgs.addAll(List.of("--method", "ode"));
        JsonNode ode = CliRun.of(odeArgs.toArray(String[]::new)).json();
        List<String> keys = new ArrayList<>();
        exact.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("outcome", "method", "phi", "width", "time_to_tol", "t_max", "limit_time",
                "loss", "residual", "product", "norm", "imbalance", "sharpness", "gf_sharpness", "a", "b");
        assertThat(exact.get("outcome").asText()).isEqualTo("converged");
        assertThat(ode.get("outcome").asText()).isEqualTo("converged");
        assertThat(exact.get("method").asText()).isEqualTo("exact");
        assertThat(ode.get("method").asText()).isEqualTo("ode");
        assertThat(exact.get("limit_time").asText()).isEqualTo("infinity");
        assertThat(ode.get("limit_time").asDouble()).isEqualTo(exact.get("t_max").asDouble());
        double tExact = exact.get("time_to_tol").asDouble();
        assertThat(exact.get("t_max").asDouble()).isCloseTo(1.5 * tExact, within(1e-12));
        double lambdaGf = exact.get("gf_sharpness").asDouble();
        assertThat(ode.get("time_to_tol").asDouble()).as("ODE event time").isCloseTo(tExact, within(1e-3 * tExact));
        assertThat(exact.get("sharpness").asDouble()).isCloseTo(lambdaGf, within(1e-13));
        assertThat(ode.get("norm").asDouble()).isCloseTo(lambdaGf, within(1e-9));
        assertThat(exact.get("product").asDouble()).isEqualTo(1.5);
        for (String v : List.of("a", "b")) {
            assertThat(exact.get(v)).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(ode.get(v).get(i).asDouble()).isCloseTo(exact.get(v).get(i).asDouble(), within(1e-9));
            }
        }
        double m = 0;
        for (int i = 0; i < 3; i++) {
            m += exact.get("a").get(i).asDouble() * exact.get("b").get(i).asDouble();
        }
        assertThat(m).as("the limit point solves aᵀb = Φ").isCloseTo(1.5, within(1e-13));
    }

    @Test
    void limitVectorsAreListedOnlyUpToWidth100() {
        assertThat(CliRun.of("flow", "--width", "100", "--scale", "0.1", "--json").json().has("a")).isTrue();
        JsonNode wide = CliRun.of("flow", "--width", "101", "--scale", "0.1", "--json").json();
        assertThat(wide.has("a")).isFalse();
        assertThat(wide.has("b")).isFalse();
    }

    @Test
    void saddleStartIsLabelled() {
        JsonNode j = CliRun.of("flow", "--a", "0.5,-0.4", "--b", "-0.5,0.4", "--phi", "1", "--json").json();
        assertThat(j.get("outcome").asText()).isEqualTo("saddle");
        assertThat(j.get("time_to_tol").isNull()).isTrue();
        assertThat(j.get("residual").asDouble()).isEqualTo(-1.0);
    }

    @Test
    void csvHasTheRunColumnsWithEmptyStepAndEvenSamples(@TempDir Path dir) throws Exception {
        for (String method : List.of("exact", "ode")) {
            Path out = dir.resolve(method + ".csv");
            CliRun r = CliRun.of("flow", "--m0", "0.1", "--lambda0", "5", "--method", method, "--t-max", "3", "--dt",
                    "0.25", "--out", out.toString());
            assertThat(r.code()).isZero();
            CliRun.Csv csv = CliRun.csv(out);
            assertThat(csv.header()).containsExactlyElementsOf(TrajectoryCsv.COLUMNS);
            assertThat(csv.rows()).hasSize(13);
            for (int i = 0; i < 13; i++) {
                assertThat(csv.rows().get(i).get("step")).isEmpty();
                assertThat(csv.value(i, "time")).isCloseTo(0.25 * i, within(1e-12));
                assertThat(csv.value(i, "imbalance")).as("GF conserves Q").isCloseTo(Math.sqrt(25 - 0.04),
                        within(1e-10));
            }
            JsonNode m = eoslab.io.Json.mapper().readTree(Manifest.pathFor(out).toFile());
            assertThat(m.get("parameters").get("method").asText()).isEqualTo(method);
            assertThat(m.get("parameters").get("dt").asDouble()).isEqualTo(0.25);
            assertThat(m.get("parameters").has("rtol")).isEqualTo(method.equals("ode"));
        }
        CliRun.Csv exact = CliRun.csv(dir.resolve("exact.csv"));
        CliRun.Csv ode = CliRun.csv(dir.resolve("ode.csv"));
        for (int i = 0; i < 13; i++) {
            for (String c : List.of("residual", "norm", "sharpness")) {
                assertThat(ode.value(i, c)).isCloseTo(exact.value(i, c), within(1e-9));
            }
        }
        assertThat(Files.exists(dir.resolve("exact.csv.manifest.json"))).isTrue();
    }
}
