package eoslab.cli;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.model.shallow.ShallowState;
import eoslab.service.RunService;
import eoslab.spec.EtaSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.StartSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code eoslab atlas} against independent computations: its z-slices are the {@code phase} maps of the same plane,
 * its cells are {@code eoslab run}'s outcomes and end steps (the divergent step for a divergence), its boundary counts
 * a direct count over the volume, its coordinates the axis values, and its GIF one frame per z slice.
 */
class AtlasCommandTest extends EoslabTest {
    private static final double[] LAMBDA0 = {1.0, 2.5, 4.0, 5.5, 7.0};

    @TempDir
    Path dir;

    private CliRun atlas(String... more) {
        List<String> a = new ArrayList<>(List.of("atlas", "--eta", "0.2:1.6:30", "--m0", "-0.4:0.4:7",
                "--lambda0", "1:7:5", "--steps", "3000", "--slices", "3", "--gif-frames", "5", "--json"));
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(new String[0]));
    }

    @Test
    void slicesCellsBoundaryCoordinatesAndAnimationAreRight() throws IOException {
        CliRun r = atlas("--out", dir.resolve("a").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("cells");
        byte[] volume = Files.readAllBytes(dir.resolve("a.npy"));
        int head = volume.length - 6 * 30 * 7 * 5;
        assertThat(new String(volume, 0, head, StandardCharsets.US_ASCII)).contains("'shape': (5, 7, 30)");
        // each z slice (fixed λ0) is the phase map of the (η, m0) plane at that λ0
        for (int k = 0; k < 5; k++) {
            CliRun p = CliRun.of("phase", "--eta", "0.2:1.6:30", "--m0", "-0.4:0.4:7", "--lambda0",
                    Double.toString(new Axis("lambda0", 1, 7, 5, false).value(k)), "--steps", "3000", "--out",
                    dir.resolve("p" + k).toString());
            assertThat(p.code()).as(p.err()).isZero();
            byte[] map = Files.readAllBytes(dir.resolve("p" + k + ".npy"));
            int mapHead = map.length - 22 * 30 * 7;
            for (int c = 0; c < 210; c++) {
                // a phase cell is outcome, period, steps, sharpness, max_loss (22 bytes); an atlas cell the first three
                assertThat(Arrays.copyOfRange(volume, head + (k * 210 + c) * 6, head + (k * 210 + c + 1) * 6))
                        .as("slice %d cell %d", k, c)
                        .isEqualTo(Arrays.copyOfRange(map, mapHead + 22 * c, mapHead + 22 * c + 6));
            }
        }
        // cells against eoslab run (converged and diverged cells carry the run's step)
        Axis eta = new Axis("eta", 0.2, 1.6, 30, false);
        Axis m0 = new Axis("m0", -0.4, 0.4, 7, false);
        int checked = 0;
        for (int c = 0; c < 30 * 7 * 5; c += 13) {
            int ix = c % 30;
            int iy = (c / 30) % 7;
            int iz = c / 210;
            RunResult<ShallowState> run = RunService.run(RunSettings.gd(new StopRule(3000, 1e-12))
                    .run(ModelSpec.Shallow.ofPhi(1.0), new StartSpec.Canonical(m0.value(iy), LAMBDA0[iz]),
                            new EtaSpec.Absolute(eta.value(ix)))).result();
            int cls = volume[head + 6 * c];
            int steps = ByteBuffer.wrap(volume, head + 6 * c + 2, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (run.outcome() == Outcome.CONVERGED || run.outcome() == Outcome.DIVERGED) {
                assertThat(CellClass.of(cls)).as("cell %d", c).isEqualTo(run.outcome() == Outcome.CONVERGED
                        ? CellClass.CONVERGED : CellClass.DIVERGED);
                assertThat((long) steps).as("cell %d", c).isEqualTo(run.endStep());
                checked++;
            } else {
                assertThat(CellClass.of(cls).bounded()).as("cell %d", c).isTrue();
            }
        }
        assertThat(checked).isGreaterThan(40);
        // boundary cells per slice, counted directly (fates: converged, diverged, bounded)
        int[] fate = new int[210 * 5];
        for (int c = 0; c < fate.length; c++) {
            fate[c] = Math.min(volume[head + 6 * c], 2);
        }
        long[][] expected = new long[3][];
        expected[0] = new long[30];
        expected[1] = new long[7];
        expected[2] = new long[5];
        int[] n = {30, 7, 5};
        for (int iz = 0; iz < 5; iz++) {
            for (int iy = 0; iy < 7; iy++) {
                for (int ix = 0; ix < 30; ix++) {
                    int[] at = {ix, iy, iz};
                    boolean edge = false;
                    for (int k = 0; k < 3; k++) {
                        for (int d = -1; d <= 1; d += 2) {
                            int[] nb = at.clone();
                            nb[k] += d;
                            if (nb[k] >= 0 && nb[k] < n[k]
                                    && fate[(nb[2] * 7 + nb[1]) * 30 + nb[0]] != fate[(iz * 7 + iy) * 30 + ix]) {
                                edge = true;
                            }
                        }
                    }
                    if (edge) {
                        expected[0][ix]++;
                        expected[1][iy]++;
                        expected[2][iz]++;
                    }
                }
            }
        }
        List<String> rows = Files.readAllLines(dir.resolve("a-boundary.csv"));
        assertThat(rows.get(0)).isEqualTo("axis,index,value,boundary_cells,cells,area_fraction");
        assertThat(rows).hasSize(1 + 30 + 7 + 5);
        String[] names = {"eta", "m0", "lambda0"};
        int row = 1;
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < n[k]; i++, row++) {
                String[] f = rows.get(row).split(",");
                assertThat(f[0]).isEqualTo(names[k]);
                assertThat(Long.parseLong(f[3])).as(rows.get(row)).isEqualTo(expected[k][i]);
                assertThat(Double.parseDouble(f[5])).isEqualTo((double) expected[k][i] * n[k] / 1050);
            }
        }
        // coordinates
        byte[] lambda = Files.readAllBytes(dir.resolve("a-lambda0.npy"));
        ByteBuffer lb = ByteBuffer.wrap(lambda, lambda.length - 40, 40).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : LAMBDA0) {
            assertThat(lb.getDouble()).isEqualTo(v);
        }
        // 3 slices per axis, 5 frames (all z slices), each file with a manifest
        for (String png : List.of("a-slice-eta-0000.png", "a-slice-eta-0015.png", "a-slice-eta-0029.png",
                "a-slice-m0-0003.png", "a-slice-lambda0-0002.png")) {
            assertThat(dir.resolve(png)).isRegularFile();
            assertThat(dir.resolve(png + ".manifest.json")).isRegularFile();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(dir.resolve("a.gif").toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(5);
            assertThat(reader.read(0).getWidth()).isGreaterThan(500);
        }
        assertThat(new String(Files.readAllBytes(dir.resolve("a.gif")), StandardCharsets.ISO_8859_1))
                .startsWith("GIF89a").contains("NETSCAPE2.0");
        assertThat(r.json().get("nz").asInt()).isEqualTo(5);
        assertThat(r.json().get("scale_free").get("eta").toString()).isEqualTo("[0.2,1.6]");
    }

    @Test
    void scaleFreeAxesFollowTheScaleInvariance() {
        CliRun r = CliRun.of("atlas", "--eta", "0.1:0.5:3", "--m0", "0:0.4:2", "--lambda0", "1:4:2", "--phi", "-4",
                "--steps", "100", "--slices", "1", "--gif-frames", "1", "--json", "--out", dir.resolve("s").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("scale_free").toString())
                .isEqualTo("{\"phi\":-1.0,\"eta\":[0.4,2.0],\"m0\":[0.0,0.1],\"lambda0\":[0.25,1.0]}");
    }

    @Test
    void badAxesAreUsageErrors() throws IOException {
        String out = dir.resolve("x").toString();
        CliRun two = CliRun.of("atlas", "--eta", "0.2:1.6:4", "--lambda0", "1:3:3", "--out", out);
        assertThat(two.code()).isEqualTo(2);
        assertThat(two.err()).startsWith("error: atlas: give exactly three ranges").endsWith("(got 2)\n");
        CliRun phiAsX = CliRun.of("atlas", "--eta", "0.2:1.6:4", "--phi", "0.5:2:3", "--lambda0", "1:3:3", "--axes",
                "phi,eta,lambda0", "--out", out);
        assertThat(phiAsX.code()).isEqualTo(2);
        assertThat(phiAsX.err()).startsWith("error: atlas: phi cannot be the x axis");
        CliRun unknown = CliRun.of("atlas", "--eta", "0.2:1.6:4", "--phi", "0.5:2:3", "--lambda0", "1:3:3", "--axes",
                "eta,scale,lambda0", "--out", out);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: --axes: 'scale' is not one of the ranged parameters\n");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
