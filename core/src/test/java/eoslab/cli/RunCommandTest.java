package eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.io.Manifest;
import eoslab.io.TrajectoryCsv;
import eoslab.measure.GdSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code eoslab run} end to end: JSON summary, table, trajectory CSV, manifest, data sets, divergence. */
class RunCommandTest extends EoslabTest {
    private static final double Q0 = Math.sqrt(25 - 4 * 0.01);
    private static final double LAMBDA_GF = Math.sqrt(4 + Q0 * Q0);

    @ParameterizedTest
    @ValueSource(strings = {"reduced", "vector"})
    void jsonSummaryHasAllKeysAndTheRightValues(String engine) {
        CliRun r = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--engine", engine, "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().strip()).doesNotContain("\n");
        JsonNode j = r.json();
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(GdSummary.KEYS);
        assertThat(j.get("outcome").asText()).isEqualTo("converged");
        assertThat(j.get("eta").asDouble()).isCloseTo(1.3 * 2 / LAMBDA_GF, within(1e-15));
        assertThat(j.get("eta_rel").asDouble()).isCloseTo(1.3, within(1e-14));
        assertThat(j.get("phi").asDouble()).isEqualTo(1.0);
        assertThat(j.get("width").asInt()).isEqualTo(1);
        assertThat(j.get("regime").asText()).isEqualTo("edge");
        assertThat(Math.abs(j.get("residual").asDouble())).isLessThanOrEqualTo(1e-12);
        assertThat(j.get("loss").asDouble()).isCloseTo(0.5 * Math.pow(j.get("residual").asDouble(), 2), within(1e-30));
        assertThat(j.get("initial_sharpness").asDouble()).isCloseTo(
                0.5 * (5 + Math.sqrt(25 + 4 * (0.1 - 1) * (0.1 - 1 + 0.2))), within(1e-13));
        assertThat(j.get("gf_sharpness").asDouble()).isCloseTo(LAMBDA_GF, within(1e-14));
        double norm = j.get("norm").asDouble();
        double q = j.get("imbalance").asDouble();
        assertThat(norm).as("λ∞ = √(4Φ² + Q∞²)").isCloseTo(Math.sqrt(4 + q * q), within(1e-11));
        assertThat(j.get("sharpness_ratio").asDouble()).isCloseTo(j.get("sharpness").asDouble() / LAMBDA_GF,
                within(1e-15));
        assertThat(j.get("sharpness").asDouble()).as("GD lands on a flatter minimum").isLessThan(0.5 * LAMBDA_GF);
        double eta = j.get("eta").asDouble();
        assertThat(j.get("rate_asymptotic").asDouble()).isCloseTo(Math.abs(1 - eta * norm), within(1e-15));
        assertThat(j.get("max_loss").asDouble()).isGreaterThan(0.5 * 0.81);
        assertThat(j.get("steps").asLong()).isEqualTo(13);
    }

    @Test
    void bothEnginesPrintTheSameNumbers() {
        JsonNode red = CliRun.of("run", "--width", "50", "--scale", "0.2", "--seed", "7", "--eta-rel", "1.4",
                "--json").json();
        JsonNode vec = CliRun.of("run", "--width", "50", "--scale", "0.2", "--seed", "7", "--eta-rel", "1.4",
                "--engine", "vector", "--json").json();
        assertThat(red.get("steps").asLong()).isEqualTo(vec.get("steps").asLong());
        for (String k : List.of("norm", "imbalance", "sharpness", "product", "max_loss", "gf_sharpness")) {
            assertThat(red.get(k).asDouble()).as(k).isCloseTo(vec.get(k).asDouble(),
                    within(1e-10 * Math.abs(vec.get(k).asDouble())));
        }
    }

    @Test
    void tableOutputListsEveryKey() {
        CliRun r = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta", "0.1");
        assertThat(r.code()).isZero();
        List<String> firstWords = r.out().lines().map(l -> l.split("\\s+")[0]).toList();
        assertThat(firstWords).containsExactlyElementsOf(GdSummary.KEYS);
    }

    @Test
    void trajectoryCsvKeepsEveryKthStepAndTheFirstAndLastAndGetsAManifest(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("traj.csv");
        CliRun r = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta-rel", "1.3", "--every", "4", "--out",
                out.toString(), "--json");
        assertThat(r.code()).isZero();
        long steps = r.json().get("steps").asLong();
        double eta = r.json().get("eta").asDouble();
        CliRun.Csv csv = CliRun.csv(out);
        assertThat(csv.header()).containsExactlyElementsOf(TrajectoryCsv.COLUMNS);
        assertThat(csv.header()).containsExactly("step", "time", "loss", "residual", "product", "norm", "imbalance",
                "sharpness", "gf_sharpness");
        List<Long> stepsWritten = csv.rows().stream().map(rec -> Long.parseLong(rec.get("step"))).toList();
        List<Long> expected = new ArrayList<>();
        for (long k = 0; k < steps; k += 4) {
            expected.add(k);
        }
        expected.add(steps);
        assertThat(stepsWritten).containsExactlyElementsOf(expected);
        for (int i = 0; i < csv.rows().size(); i++) {
            double step = csv.value(i, "step");
            assertThat(csv.value(i, "time")).isCloseTo(eta * step, within(1e-14 * (1 + step)));
            double m = csv.value(i, "product");
            double lambda = csv.value(i, "norm");
            double q = csv.value(i, "imbalance");
            assertThat(lambda * lambda).isCloseTo(q * q + 4 * m * m, within(1e-12 * lambda * lambda));
            assertThat(csv.value(i, "gf_sharpness")).isCloseTo(Math.hypot(2, q), within(1e-13));
            assertThat(csv.value(i, "residual")).isCloseTo(m - 1, within(1e-15));
        }
        assertThat(csv.value(0, "norm")).isCloseTo(5.0, within(1e-14));
        int last = csv.rows().size() - 1;
        assertThat(csv.value(last, "norm")).isCloseTo(r.json().get("norm").asDouble(), within(1e-15));

        Path manifest = Manifest.pathFor(out);
        assertThat(manifest.getFileName().toString()).isEqualTo("traj.csv.manifest.json");
        JsonNode m = eoslab.io.Json.mapper().readTree(manifest.toFile());
        assertThat(m.get("tool").asText()).isEqualTo("eoslab");
        assertThat(m.get("command").asText()).startsWith("./eoslab run --m0 0.1 --lambda0 5 --eta-rel 1.3");
        assertThat(m.get("argv").get(0).asText()).isEqualTo("run");
        JsonNode p = m.get("parameters");
        assertThat(p.get("eta").asDouble()).isEqualTo(eta);
        assertThat(p.get("init").asText()).isEqualTo("canonical");
        assertThat(p.get("every").asLong()).isEqualTo(4);
        assertThat(p.get("engine").asText()).isEqualTo("reduced");
        assertThat(m.get("java_version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(m.has("version")).isTrue();
        assertThat(m.has("time")).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                    .containsExactly("traj.csv", "traj.csv.manifest.json");
        }
    }

    @Test
    void gaussianManifestRecordsTheDefaultSeedAndRerunsIdentically(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("g.csv");
        CliRun r = CliRun.of("run", "--width", "5", "--scale", "0.3", "--eta", "0.2", "--steps", "50", "--out",
                out.toString());
        assertThat(r.code()).isZero();
        JsonNode m = eoslab.io.Json.mapper().readTree(Manifest.pathFor(out).toFile());
        assertThat(m.get("parameters").get("seed").asLong()).isEqualTo(42);
        assertThat(m.get("parameters").get("scale_b").asDouble()).isEqualTo(0.3);
        String first = Files.readString(out);
        Path again = dir.resolve("h.csv");
        assertThat(CliRun.of("run", "--width", "5", "--scale", "0.3", "--seed", "42", "--eta", "0.2", "--steps", "50",
                "--out", again.toString()).code()).isZero();
        assertThat(Files.readString(again)).isEqualTo(first);
    }

    @Test
    void dataSetSetsPhiAndScalesTheStep(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "x,y\n1,2\n2,3\n-1,0\n");
        JsonNode j = CliRun.of("run", "--m0", "0.1", "--lambda0", "3", "--data", data.toString(), "--eta", "0.05",
                "--json").json();
        assertThat(j.get("phi").asDouble()).isCloseTo(8.0 / 6.0, within(1e-15));
        assertThat(j.get("eta").asDouble()).isCloseTo(0.1, within(1e-15));
        assertThat(j.get("eta_data").asDouble()).isCloseTo(0.05, within(1e-15));
        assertThat(j.get("data_sigma2").asDouble()).isCloseTo(2.0, within(1e-15));
        assertThat(j.get("outcome").asText()).isEqualTo("converged");
    }

    @Test
    void divergenceIsAnOutcomeWithItsStepAndNoNonFiniteNumbers() {
        CliRun r = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta", "3", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode j = r.json();
        assertThat(j.get("outcome").asText()).isEqualTo("diverged");
        assertThat(j.get("steps").asLong()).isEqualTo(5);
        assertThat(j.get("norm").asDouble()).isLessThanOrEqualTo(ShallowStepper.DIVERGENCE_NORM);
        assertThat(j.get("rate_asymptotic").isNull()).isTrue();
        assertThat(j.get("regime").asText()).isEqualTo("beyond");
        Iterator<JsonNode> values = j.elements();
        while (values.hasNext()) {
            JsonNode v = values.next();
            if (v.isNumber()) {
                assertThat(Double.isFinite(v.asDouble())).isTrue();
            }
        }
        CliRun table = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta", "3");
        assertThat(table.out()).contains("diverged").doesNotContain("NaN").doesNotContain("Infinity");
    }

    @Test
    void maxStepsOutcome() {
        JsonNode j = CliRun.of("run", "--m0", "0.1", "--lambda0", "5", "--eta", "0.001", "--steps", "10", "--json")
                .json();
        assertThat(j.get("outcome").asText()).isEqualTo("max_steps");
        assertThat(j.get("steps").asLong()).isEqualTo(10);
        assertThat(j.get("rate_asymptotic").isNull()).isTrue();
        assertThat(j.get("regime").asText()).isEqualTo("stable");
    }
}
