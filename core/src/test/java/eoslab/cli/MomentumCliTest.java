package eoslab.cli;

import eoslab.EoslabTest;
import com.fasterxml.jackson.databind.JsonNode;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The method options end to end: momentum and schedules on run, compare, sweep, bifurcation and check; the rerun
 * command of a spec; the compare clock ηk/(1 − β); file schedules; and every bad input as one error line, exit code 2,
 * no file.
 */
class MomentumCliTest extends EoslabTest {
    private static final String[] START = {"--m0", "0.1", "--lambda0", "5"};

    @TempDir
    Path dir;

    private static String[] args(String[]... parts) {
        List<String> a = new ArrayList<>();
        for (String[] p : parts) {
            a.addAll(List.of(p));
        }
        return a.toArray(String[]::new);
    }

    @Test
    void runReportsTheMethodAndItsStabilityEdge() {
        CliRun r = CliRun.of(args(new String[] {"run", "--json", "--eta", "0.5", "--method", "heavy-ball", "--beta",
            "0.5"}, START));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("method").asText()).isEqualTo("heavy-ball");
        assertThat(j.get("beta").asDouble()).isEqualTo(0.5);
        assertThat(j.get("stability_edge").asDouble()).isCloseTo(2 * 1.5 / 0.5, Offset.offset(1e-12));
        assertThat(j.get("outcome").asText()).isEqualTo("converged");
        assertThat(j.get("sharpness").asDouble()).isLessThan(j.get("stability_edge").asDouble());
        // the regime uses the method's edge: 2κ/λ_GF with κ = 1.5 is above η = 0.5·… so the GF solution is stable
        double gf = j.get("gf_sharpness").asDouble();
        assertThat(j.get("regime").asText()).isEqualTo(0.5 < 1.5 * 2 / gf ? "stable" : "edge");
        CliRun gd = CliRun.of(args(new String[] {"run", "--json", "--eta", "0.5"}, START));
        assertThat(gd.json().has("method")).as("plain GD prints no method fields").isFalse();
    }

    @Test
    void theRerunCommandOfASpecReproducesTheRun(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("t.csv");
        CliRun r = CliRun.of(args(new String[] {"run", "--json", "--eta-rel", "0.8", "--method", "nesterov", "--beta",
            "0.3", "--schedule", "warmup:20", "--eta-start", "0.1", "--steps", "4000", "--out", out.toString()},
                START));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode manifest = eoslab.io.Json.mapper().readTree(Files.readString(Path.of(out + ".manifest.json")));
        eoslab.spec.RunSpec spec = eoslab.spec.RunSpec.parse(eoslab.io.Json.mapper().convertValue(manifest.get("spec"),
                Object.class));
        List<String> again = new ArrayList<>(List.of("run", "--json"));
        again.addAll(spec.toArgs());
        CliRun r2 = CliRun.of(again.toArray(String[]::new));
        assertThat(r2.out()).isEqualTo(r.out());
        assertThat(r.json().get("schedule").asText()).isEqualTo("warmup:20");
        assertThat(r.json().get("eta_final").asDouble()).isEqualTo(r.json().get("eta").asDouble());
    }

    @Test
    void compareUsesTheMomentumClock(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cmp.csv");
        double eta = 0.002;
        double beta = 0.5;
        CliRun r = CliRun.of(args(new String[] {"compare", "--json", "--eta", Double.toString(eta), "--method",
            "heavy-ball", "--beta", Double.toString(beta), "--steps", "30000", "--out", out.toString()}, START));
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("clock_factor").asDouble()).isEqualTo(2.0);
        assertThat(j.get("edge_threshold").asDouble()).isCloseTo(2 * 1.5 / eta, Offset.offset(1e-9));
        long steps = j.get("gd").get("steps").asLong();
        assertThat(j.get("gd_time").asDouble()).isCloseTo(eta * steps / (1 - beta), Offset.offset(1e-9));
        // small steps: heavy ball follows GF on t = ηk/(1 − β) (docs/models.md §2), to O(η) on the scale of λ
        assertThat(j.get("max_distance").asDouble()).isLessThan(0.05);
        CliRun.Csv csv = CliRun.csv(out);
        ClosedFormFlow flow = ClosedFormFlow.from(1.0, ReducedPoint.canonical(0.1, 5).toVectors());
        for (int i = 0; i < csv.rows().size(); i += 97) {
            CSVRecord row = csv.rows().get(i);
            double k = Double.parseDouble(row.get("step"));
            double t = Double.parseDouble(row.get("time"));
            assertThat(t).isCloseTo(eta * k / (1 - beta), Offset.offset(1e-9));
            ShallowSnapshot gf = flow.at(t);
            assertThat(csv.value(i, "gf_norm")).isEqualTo(gf.norm());
            assertThat(Math.abs(csv.value(i, "gd_norm") - gf.norm())).isLessThan(0.05);
        }
        // the plain clock ηk would put heavy ball far from GF mid-run
        int mid = csv.rows().size() / 8;
        double k = csv.value(mid, "step");
        assertThat(Math.abs(csv.value(mid, "gd_residual") - flow.at(eta * k).residual()))
                .isGreaterThan(10 * Math.abs(csv.value(mid, "gd_residual") - csv.value(mid, "gf_residual")));
    }

    @Test
    void fileSchedulesRunTheirStepsAndAShortFileIsAnError(@TempDir Path tmp) throws IOException {
        Path lr = tmp.resolve("lr.txt");
        StringBuilder sb = new StringBuilder("# step sizes\n");
        for (int k = 0; k < 300; k++) {
            sb.append(0.1 + 0.3 * k / 300.0).append('\n');
        }
        Files.writeString(lr, sb);
        CliRun ok = CliRun.of(args(new String[] {"run", "--json", "--eta", "0.4", "--schedule", "file:" + lr,
            "--steps", "300"}, START));
        assertThat(ok.code()).as(ok.err()).isZero();
        JsonNode j = ok.json();
        long steps = j.get("steps").asLong();
        assertThat(j.get("eta_final").asDouble()).isEqualTo(0.1 + 0.3 * (steps - 1) / 300.0);
        Path out = tmp.resolve("short.csv");
        CliRun bad = CliRun.of(args(new String[] {"run", "--json", "--eta", "0.4", "--schedule", "file:" + lr,
            "--out", out.toString()}, START));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().lines().toList()).hasSize(1);
        assertThat(bad.err()).startsWith("error: ").contains("lists 300 step sizes").contains("--steps 300");
        assertThat(out).doesNotExist();
    }

    @Test
    void sweepOverBetaGivesTheRowsOfIndividualRuns(@TempDir Path tmp) {
        Path out = tmp.resolve("s.csv");
        CliRun r = CliRun.of("sweep", "--method", "nesterov", "--beta", "0:0.8:3", "--eta", "0.3:0.9:2", "--lambda0",
                "3", "--m0", "0.2", "--steps", "5000", "--out", out.toString(), "--threads", "2");
        assertThat(r.code()).as(r.err()).isZero();
        CliRun.Csv csv = CliRun.csv(out);
        assertThat(csv.rows()).hasSize(6);
        assertThat(csv.header()).contains("method", "beta", "stability_edge");
        double[] betas = {0, 0.4, 0.8};
        for (int i = 0; i < 6; i++) {
            CSVRecord row = csv.rows().get(i);
            assertThat(Double.parseDouble(row.get("beta"))).isEqualTo(betas[i % 3]);
            CliRun one = CliRun.of("run", "--json", "--method", "nesterov", "--beta", row.get("beta"), "--eta",
                    row.get("eta"), "--m0", "0.2", "--lambda0", "3", "--steps", "5000");
            JsonNode j = one.json();
            j.fieldNames().forEachRemaining(key -> {
                String cell = row.get(key);
                if (j.get(key).isNull()) {
                    assertThat(cell).as(key).isEmpty();
                } else if (j.get(key).isNumber()) {
                    assertThat(Double.parseDouble(cell)).as(key).isEqualTo(j.get(key).asDouble());
                } else {
                    assertThat(cell).as(key).isEqualTo(j.get(key).asText());
                }
            });
        }
    }

    @Test
    void bifurcationOverBeta(@TempDir Path tmp) {
        String prefix = tmp.resolve("bif").toString();
        CliRun r = CliRun.of("bifurcation", "--method", "heavy-ball", "--beta", "0:0.45:46", "--eta", "1.3",
                "--lambda0", "1", "--transient", "2000", "--keep", "50", "--out", prefix);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("momenta");
        CliRun.Csv orbits = CliRun.csv(Path.of(prefix + "-orbits.csv"));
        assertThat(orbits.header()).startsWith("beta", "eta", "eta_rel");
        assertThat(orbits.rows()).hasSize(46);
        // at η|Φ| = 1.3 no minimum is linearly stable while κ = 1 + β < 1.3; above, the balanced minimum is (and this
        // start reaches it): the cycles collapse onto the fixed point at β = 0.3
        for (int i = 0; i < 46; i++) {
            double beta = orbits.value(i, "beta");
            String status = orbits.rows().get(i).get("status");
            if (beta < 0.285) {
                assertThat(status).as("β = %s", beta).isNotEqualTo("converged");
            } else if (beta > 0.315 && beta < 0.405) {
                assertThat(status).as("β = %s", beta).isEqualTo("converged");
            }
        }
        CliRun.Csv points = CliRun.csv(Path.of(prefix + ".csv"));
        assertThat(points.header()).containsExactly("beta", "eta", "index", "residual");
        assertThat(Path.of(prefix + ".png")).exists();
    }

    @Test
    void checkJudgesTheMethodClaims() {
        CliRun r = CliRun.of("check", "--json", "--method", "heavy-ball", "--beta", "0.5", "--m0", "0.1",
                "--lambda0", "3", "--eta-rel", "0.1:2.5:12", "--schedule", "warmup:50");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("runs").asLong()).isEqualTo(24);
        List<String> ids = new ArrayList<>();
        j.get("claims").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).containsExactly("m1", "m2", "m3");
        assertThat(j.get("warmup").get("steps").asLong()).isEqualTo(50);
        j.get("claims").forEach(c -> assertThat(c.get("tried").asLong()).isEqualTo(12));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("run", "--eta", "0.1", "--method", "adam"), "--method"),
                Arguments.of(List.of("run", "--eta", "0.1", "--method", "heavy-ball", "--beta", "1"), "--beta"),
                Arguments.of(List.of("run", "--eta", "0.1", "--method", "heavy-ball", "--beta", "x"), "--beta"),
                Arguments.of(List.of("run", "--eta", "0.1", "--beta", "0.5"), "--beta"),
                Arguments.of(List.of("run", "--eta", "0.1", "--method", "nesterov", "--beta", "0:0.5:3"), "--beta"),
                Arguments.of(List.of("run", "--eta", "0.1", "--schedule", "linear:3"), "--schedule"),
                Arguments.of(List.of("run", "--eta", "0.1", "--schedule", "warmup:0"), "warmup:K"),
                Arguments.of(List.of("run", "--eta", "0.1", "--eta-start", "0.01"), "--eta-start"),
                Arguments.of(List.of("run", "--eta", "0.1", "--schedule", "warmup:5", "--eta-start", "-1"),
                        "--eta-start"),
                Arguments.of(List.of("run", "--eta", "0.1", "--schedule", "file:@missing"), "schedule file"),
                Arguments.of(List.of("compare", "--eta", "0.1", "--schedule", "file:@bad"), "line 2"),
                Arguments.of(List.of("sweep", "--eta", "0.1:0.2:2", "--method", "heavy-ball", "--beta", "0.5:1.5:3"),
                        "--beta"),
                Arguments.of(List.of("bifurcation", "--eta", "0.1:0.2:4", "--schedule", "exp:0.9"), "constant"),
                Arguments.of(List.of("phase", "--eta", "0.1:0.9:8", "--method", "heavy-ball", "--beta", "0:0.8:4",
                        "--color", "max-loss"), "--color max-loss is not available with momentum"),
                Arguments.of(List.of("check", "--eta-rel", "0.5", "--method", "heavy-ball", "--schedule", "exp:0.9"),
                        "warmup:K"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badMethodInputIsOneErrorLineExitTwoAndNoFile(List<String> given, String fragment) throws IOException {
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Files.writeString(dir.resolve("bad.txt"), "0.1\nfast\n");
        List<String> a = new ArrayList<>();
        for (String s : given) {
            a.add(s.replace("@missing", dir.resolve("missing.txt").toString())
                    .replace("@bad", dir.resolve("bad.txt").toString()));
        }
        if (!a.get(0).equals("check")) {
            a.addAll(List.of("--lambda0", "2"));
        } else {
            a.addAll(List.of("--m0", "0", "--lambda0", "2"));
        }
        String cmd = a.get(0);
        if (cmd.equals("sweep") || cmd.equals("run") || cmd.equals("compare")) {
            if (!cmd.equals("sweep")) {
                a.addAll(List.of("--m0", "0"));
            }
            a.addAll(List.of("--out", outDir.resolve("r.csv").toString()));
        } else if (cmd.equals("bifurcation") || cmd.equals("phase")) {
            a.addAll(List.of("--out", outDir.resolve("b").toString()));
        }
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("error: ").contains(fragment).doesNotContain("Exception");
        try (Stream<Path> left = Files.list(outDir)) {
            assertThat(left.toList()).isEmpty();
        }
    }
}
