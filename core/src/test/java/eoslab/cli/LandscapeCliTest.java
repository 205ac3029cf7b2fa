package eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import eoslab.spec.RunSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The landscape in the commands: --eta-crit, the relative tolerance, phase --overlay/--color and its coordinates. */
class LandscapeCliTest extends EoslabTest {
    @TempDir
    Path dir;

    /** --eta-crit c is η = c·η*; the summary places the step against η*, F₀ and the bound, and reruns itself. */
    @Test
    void runWithEtaCrit() {
        CliRun r = CliRun.of("run", "--m0", "0", "--lambda0", "5", "--eta-crit", "0.97", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        double star = 8 / (5 + Math.sqrt(41));
        assertThat(j.get("eta_critical").asDouble()).isCloseTo(star, within(1e-15));
        assertThat(j.get("eta").asDouble()).isCloseTo(0.97 * star, within(1e-15));
        assertThat(j.get("eta_crit").asDouble()).isEqualTo(0.97);
        assertThat(j.get("critical_bound").asText()).isEqualTo("norm");
        double eta = j.get("eta").asDouble();
        assertThat(j.get("f0").asDouble()).isCloseTo(5 - 4 / eta + eta, within(1e-12)).isNegative();
        assertThat(j.get("outcome").asText()).isEqualTo("converged");
        assertThat(j.get("regime").asText()).isEqualTo("edge");
        CliRun above = CliRun.of("run", "--m0", "0", "--lambda0", "5", "--eta-crit", "1.03", "--json");
        assertThat(above.json().get("outcome").asText()).isEqualTo("diverged");
        assertThat(above.json().get("regime").asText()).isEqualTo("divergent");
        CliRun bad = CliRun.of("run", "--m0", "0", "--lambda0", "5", "--eta-crit", "0.5", "--eta", "0.1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("error: give exactly one of --eta, --eta-rel and --eta-crit\n");
    }

    /**
     * The default tolerance is relative: at Φ = −2 a run stops once |ε| ≤ 2·10⁻¹², and its rerun command says
     * --tol-rel; --tol stays absolute; a tolerance below the resolution of the run is warned about in one line.
     */
    @Test
    void toleranceIsRelativeByDefault() throws IOException {
        CliRun r = CliRun.of("run", "--phi", "-2", "--m0", "-0.5", "--lambda0", "3", "--eta-rel", "0.5", "--json",
                "--out", dir.resolve("t.csv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Math.abs(r.json().get("residual").asDouble())).isLessThanOrEqualTo(2e-12);
        JsonNode manifest = eoslab.io.Json.mapper().readTree(dir.resolve("t.csv.manifest.json").toFile());
        JsonNode spec = manifest.get("spec");
        assertThat(spec.get("stop").get("tol_rel").asDouble()).isEqualTo(1e-12);
        assertThat(RunSpec.parse(spec.toString()).command()).contains("--tol-rel 1.0E-12");
        assertThat(manifest.get("parameters").get("tol").asDouble()).isEqualTo(2e-12);
        CliRun absolute = CliRun.of("run", "--phi", "-2", "--m0", "-0.5", "--lambda0", "3", "--eta-rel", "0.5",
                "--tol", "1e-12", "--json");
        assertThat(Math.abs(absolute.json().get("residual").asDouble())).isLessThanOrEqualTo(1e-12);
        CliRun tiny = CliRun.of("run", "--phi", "1e6", "--m0", "0", "--lambda0", "1e6", "--eta-rel", "0.5",
                "--tol", "1e-12", "--steps", "100", "--json");
        assertThat(tiny.json().get("outcome").asText()).isEqualTo("max_steps");
        assertThat(tiny.err()).startsWith("warning: the tolerance |ε| <= 1.00e-12 is below what the arithmetic "
                + "resolves for this run").endsWith("converging\n").doesNotContain("\n\n");
        assertThat(tiny.err().lines().count()).isOne();
        CliRun both = CliRun.of("run", "--m0", "0", "--lambda0", "1", "--eta", "0.1", "--tol", "1e-9", "--tol-rel",
                "1e-9");
        assertThat(both.err()).isEqualTo("error: give at most one of --tol and --tol-rel\n");
    }

    /** With --data the summary gives the data loss's values next to the model's (σ²·loss + const, σ²·sharpness). */
    @Test
    void dataRunsLabelBothLosses() throws IOException {
        Path data = dir.resolve("d.csv");
        Files.writeString(data, "x,y\n1,2\n2,3.5\n-1,-2.2\n");
        double sxx = 6;
        double sxy = 2 + 7 + 2.2;
        double syy = 4 + 12.25 + 4.84;
        double phi = sxy / sxx;
        double sigma2 = sxx / 3;
        double offset = syy / 6 - 0.5 * sigma2 * phi * phi;
        JsonNode j = CliRun.of("run", "--data", data.toString(), "--m0", "0", "--lambda0", "3", "--eta", "0.05",
                "--json").json();
        assertThat(j.get("data_sigma2").asDouble()).isCloseTo(sigma2, within(1e-15));
        assertThat(j.get("data_loss").asDouble()).isCloseTo(sigma2 * j.get("loss").asDouble() + offset,
                within(1e-15));
        assertThat(j.get("data_loss").asDouble()).as("the least-squares floor").isCloseTo(offset, within(1e-12));
        assertThat(j.get("data_sharpness").asDouble()).isCloseTo(sigma2 * j.get("sharpness").asDouble(),
                within(1e-14));
        assertThat(j.get("data_max_loss").asDouble()).as("the start: m = 0").isCloseTo(syy / 6, within(1e-14));
    }

    /** phase --overlay --color gain writes the image, the extended .npy and the coordinates archive. */
    @Test
    void phaseOverlayColorAndCoordinates() throws IOException {
        Path prefix = dir.resolve("map");
        CliRun r = CliRun.of("phase", "--eta", "0.2:1.6:40", "--lambda0", "0.5:8:30", "--overlay", "--color", "gain",
                "--out", prefix.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        for (String suffix : List.of(".png", ".npy", "-coords.npz", ".csv")) {
            assertThat(Path.of(prefix + suffix)).exists();
            assertThat(Path.of(prefix + suffix + ".manifest.json")).exists();
        }
        assertThat(ImageIO.read(Path.of(prefix + ".png").toFile()).getWidth()).isGreaterThan(500);
        CliRun.Csv csv = CliRun.csv(Path.of(prefix + ".csv"));
        assertThat(csv.header()).containsExactly("ix", "iy", "eta", "lambda0", "outcome", "steps", "period",
                "sharpness", "max_loss");
        CliRun bad = CliRun.of("phase", "--eta", "0.2:1.6:4", "--lambda0", "0.5:8:3", "--color", "hue", "--out",
                dir.resolve("bad").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: --color must be outcome, steps, sharpness, gain, max-loss or period");
    }

    /**
     * numpy reads the .npy and the coordinates archive: fields, axis values and names, each row's η* (skipped when
     * python3 with numpy is not installed).
     */
    @Test
    void numpyLoadsTheMapAndItsCoordinates() throws Exception {
        Assumptions.assumeTrue(numpyAvailable(), "python3 with numpy");
        Path prefix = dir.resolve("np");
        CliRun r = CliRun.of("phase", "--eta-crit", "0.5:1.5:16", "--m0", "-1:0.6:5", "--lambda0", "4", "--out",
                prefix.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String script = String.join("\n",
                "import numpy as np",
                "m = np.load('" + prefix + ".npy')",
                "c = np.load('" + prefix + "-coords.npz')",
                "print(m.shape, m.dtype.names)",
                "print(str(c['x_name']), str(c['y_name']), c['x'][0], c['x'][-1], c['y'][2])",
                "eta = c['x'][None, :] * c['eta_per_x'][:, None]",
                "print(float(abs(c['eta_per_x'] - c['eta_critical']).max()), float(eta[2, 15]))",
                "print(int((m['outcome'][:, c['x'] < 0.97] == 0).all()), int((m['outcome'][:, c['x'] > 1.03] != 0).all()))",
                "print(float(m['sharpness'][2, 0]), float(c['phi'][0]), float(c['gf_sharpness'][2]))");
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).isEqualTo("(5, 16) ('outcome', 'period', 'steps', 'sharpness', 'max_loss')");
        assertThat(lines.get(1)).startsWith("eta-crit m0 0.5 1.5 ");
        assertThat(Double.parseDouble(lines.get(1).split(" ")[4])).isCloseTo(-0.2, within(1e-15));
        String[] etas = lines.get(2).split(" ");
        assertThat(Double.parseDouble(etas[0])).isZero();
        double star = 8 / (4 + Math.sqrt(16 + 16 * 1.2));
        assertThat(Double.parseDouble(etas[1])).isCloseTo(1.5 * star, within(1e-15));
        assertThat(lines.get(3)).isEqualTo("1 1");
        String[] v = lines.get(4).split(" ");
        assertThat(Double.parseDouble(v[1])).isEqualTo(1.0);
        assertThat(Double.parseDouble(v[2])).isCloseTo(Math.sqrt(19.84), within(1e-14));
        assertThat(Double.parseDouble(v[0])).as("λ∞ of a converged cell: below λ_GF").isLessThan(Math.sqrt(19.84));
    }

    private static boolean numpyAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** bifurcation --json reports the superstable parameters it finds and the Feigenbaum ratio. */
    @Test
    void bifurcationReportsTheCascade() {
        CliRun r = CliRun.of("bifurcation", "--eta", "1.1:1.3:800", "--lambda0", "1", "--keep", "64", "--json",
                "--out", dir.resolve("b").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        JsonNode c = j.get("superstable_c");
        JsonNode exact = j.get("superstable_c_exact");
        assertThat(c.size()).isEqualTo(5);
        for (int n = 0; n < 3; n++) {
            assertThat(c.get(n).asDouble()).isCloseTo(exact.get(n).asDouble(), within(1e-14));
        }
        assertThat(j.get("feigenbaum_ratio").asDouble()).isCloseTo(4.592, within(0.001));
        assertThat(j.get("feigenbaum_delta").asDouble()).isEqualTo(4.66920160910299);
    }

    /** flow's time to tolerance uses the same relative default: at Φ = −2 the first time |ε| ≤ 2·10⁻¹². */
    @Test
    void flowToleranceIsRelativeByDefault() {
        JsonNode j = CliRun.of("flow", "--phi", "-2", "--m0", "-0.5", "--lambda0", "3", "--json").json();
        var flow = eoslab.model.shallow.ClosedFormFlow.from(-2, new eoslab.spec.StartSpec.Canonical(-0.5, 3).point());
        assertThat(j.get("time_to_tol").asDouble()).isEqualTo(flow.timeToTol(2e-12).getAsDouble());
        JsonNode absolute = CliRun.of("flow", "--phi", "-2", "--m0", "-0.5", "--lambda0", "3", "--tol", "1e-12",
                "--json").json();
        assertThat(absolute.get("time_to_tol").asDouble()).isEqualTo(flow.timeToTol(1e-12).getAsDouble());
    }
}
