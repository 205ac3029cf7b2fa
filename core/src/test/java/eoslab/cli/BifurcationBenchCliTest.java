package eoslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import eoslab.EoslabTest;
import eoslab.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class BifurcationBenchCliTest extends EoslabTest {
    @TempDir
    Path dir;

    @Test
    void bifurcationWritesDiagramDataAndOrbits() throws IOException {
        Path prefix = dir.resolve("bif");
        SweepCliTest.Result r = SweepCliTest.exec("bifurcation", "--out", prefix.toString(), "--eta", "0.9:1.6:36",
                "--lambda0", "1", "--transient", "500", "--keep", "150");
        assertThat(r.code()).as(r.err()).isZero();
        for (String suffix : List.of(".png", ".svg", ".pdf", ".csv", "-orbits.csv", "-cascade.csv")) {
            assertThat(Path.of(prefix + suffix)).exists();
            assertThat(Path.of(prefix + suffix + ".manifest.json")).exists();
        }
        List<String> orbits = Files.readAllLines(Path.of(prefix + "-orbits.csv"));
        assertThat(orbits.get(0)).isEqualTo("eta,eta_rel,eta_crit,status,converged_step,diverged_step,period,"
                + "lyapunov,lyapunov_error,lyapunov_2,lyapunov_2_error");
        assertThat(orbits).hasSize(37);
        assertThat(orbits.get(1)).contains(",converged,");
        assertThat(orbits.stream().filter(l -> l.contains(",periodic,,,2,")).count()).isPositive();
        List<String> cascade = Files.readAllLines(Path.of(prefix + "-cascade.csv"));
        assertThat(cascade.get(0)).isEqualTo("n,period,eta,c,c_exact,c_error,note");
        assertThat(cascade).hasSize(6);
        assertThat(Files.readString(Path.of(prefix + ".svg"))).startsWith("<?xml").contains("<svg");
        List<String> points = Files.readAllLines(Path.of(prefix + ".csv"));
        assertThat(points.get(0)).isEqualTo("eta,index,residual");
        assertThat(Files.readAllBytes(Path.of(prefix + ".pdf"))).startsWith("%PDF-".getBytes());
    }

    @Test
    void bifurcationFiguresTakeTheirSizeAndResolution() throws IOException {
        Path prefix = dir.resolve("small");
        SweepCliTest.Result r = SweepCliTest.exec("bifurcation", "--out", prefix.toString(), "--eta", "0.9:1.6:12",
                "--lambda0", "1", "--transient", "50", "--keep", "20", "--size", "4x3", "--dpi", "100");
        assertThat(r.code()).as(r.err()).isZero();
        var img = javax.imageio.ImageIO.read(Path.of(prefix + ".png").toFile());
        assertThat(img.getWidth()).isEqualTo(400);
        assertThat(img.getHeight()).isEqualTo(300);
        assertThat(Files.readString(Path.of(prefix + ".svg"))).contains("width=\"288pt\" height=\"216pt\"");
        SweepCliTest.Result bad = SweepCliTest.exec("bifurcation", "--out", dir.resolve("bad").toString(), "--eta",
                "0.9:1.6:12", "--lambda0", "1", "--size", "4 by 3");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: --size");
        assertThat(Path.of(dir.resolve("bad") + ".png")).doesNotExist();
    }

    @Test
    void benchPrintsItsFigures() throws IOException {
        SweepCliTest.Result r = SweepCliTest.exec("bench", "--size", "64", "--steps", "500", "--reps", "1", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("lane_steps_per_second_per_core").asDouble()).isPositive();
        assertThat(j.get("thread_speedup").asDouble()).isPositive();
        assertThat(j.get("phase_2048_seconds_extrapolated").asDouble()).isPositive();
        assertThat(j.has("phase_2048_seconds")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sweep", "phase", "bifurcation", "bench"})
    void helpDocumentsDefaults(String command) {
        SweepCliTest.Result r = SweepCliTest.exec(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("default");
        assertThat(r.out()).doesNotContain("${DEFAULT-VALUE}");
    }
}
