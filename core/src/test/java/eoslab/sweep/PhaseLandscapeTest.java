package eoslab.sweep;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.measure.Orbit;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.Landmarks;
import eoslab.plot.PhaseImage;
import eoslab.service.RunReport;
import eoslab.service.RunService;
import eoslab.service.Runs;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

/** Phase maps against the exact landscape (models.md §1): the boundary η*, the per-cell data, colours and overlays. */
class PhaseLandscapeTest extends EoslabTest {
    private static final RunSettings SETTINGS = RunSettings.gd(new StopRule(10_000, 1e-12, true));

    private static PhaseSpec spec(String x, double x0, double x1, int nx, double phi, String y, double y0, double y1,
                                  int ny, double m0) {
        Axis xs = new Axis(x, x0, x1, nx, false);
        Axis ys = new Axis(y, y0, y1, ny, false);
        ParameterGrid g = y.equals("m0")
                ? ParameterGrid.canonical(xs, Axis.single("phi", phi), ys, Axis.single("lambda0", m0), SETTINGS)
                : ParameterGrid.canonical(xs, Axis.single("phi", phi), Axis.single("m0", m0), ys, SETTINGS);
        return new PhaseSpec(g, y.equals("m0") ? 2 : 3);
    }

    /**
     * In every row the converged cells are exactly those left of the row's η*, except within one cell of it: the
     * map's converged/diverged (or converged/bounded, where 1/|Φ| binds) boundary lies on the η* curve to within one
     * cell. Left of it, a cell may also be slow (still settling at the budget; at Φ = 0 a catapult can end near the
     * degenerate minimum a = b = 0, approached at a rate near 1): those are counted and must be rare. Maps over λ₀ at
     * Φ = 1, Φ = −0.5 and Φ = 0 (the catapult), over m₀ (both branches), and on the η/η* and η·λ_GF/2 axes.
     */
    @ParameterizedTest
    @CsvSource({
        "eta,      0.2, 1.6, 1.0,  lambda0, 0.5, 8.0, 0.0",
        "eta,      0.3, 3.0, -0.5, lambda0, 0.4, 9.0, 0.1",
        "eta,      0.05, 1.2, 1.0, m0,      -2.9, 2.9, 6.0",
        "eta,      0.1, 4.0, 0.0,  lambda0, 0.6, 6.0, 0.15",
        "eta-crit, 0.5, 1.5, 1.0,  m0,      -1.9, 1.9, 4.0",
        "eta-rel,  0.2, 2.5, 2.0,  lambda0, 4.5, 12.0, 1.0"})
    void theConvergedRegionEndsOnTheEtaStarCurveToWithinOneCell(String x, double x0, double x1, double phi, String y,
                                                               double y0, double y1, double fixed) {
        PhaseSpec spec = spec(x, x0, x1, 192, phi, y, y0, y1, 48, fixed);
        PhaseMap map = PhaseEngine.run(spec, 2, null);
        Landmarks[] rows = spec.rowLandmarks();
        double width = (x1 - x0) / (spec.nx() - 1);
        int decided = 0;
        int slow = 0;
        for (int iy = 0; iy < map.ny(); iy++) {
            double boundary = rows[iy].criticalEta() / spec.etaPerUnit(rows[iy]);
            for (int ix = 0; ix < map.nx(); ix++) {
                double xv = spec.x().value(ix);
                if (Math.abs(xv - boundary) <= width) {
                    continue;
                }
                CellClass c = map.classAt(ix, iy);
                if (xv < boundary && c == CellClass.SLOW) {
                    slow++;
                    continue;
                }
                assertThat(c == CellClass.CONVERGED).as("cell (%d, %d): x = %s, η* at %s", ix, iy, xv, boundary)
                        .isEqualTo(xv < boundary);
                decided++;
            }
        }
        assertThat(slow).isLessThan(spec.nx() * spec.ny() / 100);
        assertThat(decided).isGreaterThan(spec.nx() * spec.ny() * 9 / 10);
    }

    /** Each cell's steps, final sharpness and largest loss are those of {@code eoslab run} of that cell, bit for bit. */
    @Test
    void cellDataAreTheRunsSummaries() {
        PhaseSpec spec = spec("eta", 0.2, 1.6, 24, 1.0, "lambda0", 0.5, 8.0, 9, 0.1);
        PhaseMap map = PhaseEngine.run(spec, 2, null);
        int[] seen = new int[CellClass.values().length];
        for (int iy = 0; iy < map.ny(); iy++) {
            for (int ix = 0; ix < map.nx(); ix++) {
                int c = iy * map.nx() + ix;
                RunReport r = RunService.run(spec.cell(ix, iy));
                Map<String, Object> s = r.summary();
                CellClass cls = map.classAt(ix, iy);
                seen[cls.ordinal()]++;
                if (cls == CellClass.CONVERGED || (cls == CellClass.DIVERGED && map.steps()[c] <= spec.maxSteps())) {
                    assertThat((long) map.steps()[c]).isEqualTo(s.get("steps"));
                }
                if (map.steps()[c] <= spec.maxSteps()) {
                    assertThat(map.sharpness()[c]).as("cell %d", c).isEqualTo(s.get("sharpness"));
                    assertThat(map.maxLoss()[c]).as("cell %d", c).isEqualTo(s.get("max_loss"));
                }
            }
        }
        assertThat(seen[CellClass.CONVERGED.ordinal()]).isPositive();
        assertThat(seen[CellClass.DIVERGED.ordinal()]).isPositive();
        assertThat(seen[CellClass.PERIODIC.ordinal()]).isPositive();
    }

    /** The coloured quantities are the map's data: gain = 1 − λ∞/λ_GF of the row, the rest where they apply. */
    @Test
    void coloringsShowTheirQuantityWhereItApplies() {
        PhaseSpec spec = spec("eta", 0.2, 1.6, 40, 1.0, "lambda0", 0.5, 8.0, 10, 0.0);
        PhaseMap map = PhaseEngine.run(spec, 2, null);
        Landmarks[] rows = spec.rowLandmarks();
        assertThat(PhaseColoring.OUTCOME.field(map, rows)).isNull();
        PhaseImage.Field gain = PhaseColoring.GAIN.field(map, rows);
        PhaseImage.Field period = PhaseColoring.PERIOD.field(map, rows);
        PhaseImage.Field loss = PhaseColoring.MAX_LOSS.field(map, rows);
        for (int c = 0; c < map.cls().length; c++) {
            CellClass cls = CellClass.of(map.cls()[c]);
            if (cls == CellClass.CONVERGED) {
                double lambdaGf = rows[c / map.nx()].gfSharpness();
                assertThat(gain.values()[c]).isEqualTo(1 - map.sharpness()[c] / lambdaGf);
                assertThat(gain.values()[c]).isGreaterThan(-1e-12).isLessThan(1);
            } else {
                assertThat(gain.values()[c]).isNaN();
            }
            assertThat(Double.isNaN(period.values()[c])).isEqualTo(cls != CellClass.PERIODIC);
            assertThat(Double.isNaN(loss.values()[c])).isEqualTo(cls == CellClass.DIVERGED);
        }
        assertThat(PhaseColoring.parse("max-loss")).isEqualTo(PhaseColoring.MAX_LOSS);
        for (PhaseColoring c : PhaseColoring.values()) {
            assertThat(PhaseColoring.parse(c.label())).isEqualTo(c);
        }
    }

    /**
     * The overlay curves are the rows' landmarks in the x axis's units, and the image draws them: the η* curve passes
     * through black pixels (the line) that the plain image does not have.
     */
    @Test
    void overlayCurvesAreTheLandmarksAndAreDrawn() {
        PhaseSpec spec = spec("eta-rel", 0.2, 2.5, 64, 1.0, "lambda0", 0.5, 6.0, 64, 0.0);
        PhaseMap map = PhaseEngine.run(spec, 2, null);
        Landmarks[] rows = spec.rowLandmarks();
        List<PhaseImage.Curve> curves = PhaseOverlay.curves(spec, rows);
        assertThat(curves).extracting(PhaseImage.Curve::label).hasSize(3);
        for (int iy = 0; iy < rows.length; iy++) {
            assertThat(curves.get(0).x()[iy]).isEqualTo(rows[iy].criticalEta() / rows[iy].edgeEta());
            assertThat(curves.get(1).x()[iy]).isEqualTo(1.0);
            assertThat(curves.get(2).x()[iy]).isEqualTo(rows[iy].beyondEta() / rows[iy].edgeEta());
        }
        BufferedImage plain = PhaseImage.render(map, spec.x(), spec.y(), 10_000, "t", null, List.of());
        BufferedImage drawn = PhaseImage.render(map, spec.x(), spec.y(), 10_000, "t", null, curves);
        int differing = 0;
        int black = 0;
        for (int y = 0; y < plain.getHeight(); y++) {
            for (int x = 0; x < plain.getWidth(); x++) {
                if (plain.getRGB(x, y) != drawn.getRGB(x, y)) {
                    differing++;
                    black += (drawn.getRGB(x, y) & 0xffffff) == 0 ? 1 : 0;
                }
            }
        }
        assertThat(black).isGreaterThan(500);
        assertThat(differing).isLessThan(plain.getWidth() * plain.getHeight() / 5);
    }

    /**
     * One classification rule: near η|Φ| = 1, bifurcation orbits (the transient as the budget) and phase cells with
     * the same budget get the same class, and slow convergence just below 1/|Φ| is {@code slow} in both.
     */
    @Test
    void bifurcationAndPhaseClassifyAlike() {
        int budget = 2000;
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.98, 1.02, 41, false), Axis.single("phi", 1.0),
                Axis.single("m0", 0.0), new Axis("lambda0", 1.0, 1.2, 2, false),
                RunSettings.gd(new StopRule(budget, 1e-12, true)));
        PhaseSpec spec = new PhaseSpec(g, 3);
        PhaseMap map = PhaseEngine.run(spec, 2, null);
        int slow = 0;
        for (int iy = 0; iy < map.ny(); iy++) {
            for (int ix = 0; ix < map.nx(); ix++) {
                RunSpec cell = spec.cell(ix, iy);
                Orbit o = Bifurcation.column(Runs.resolve(cell), budget, 200, Orbit.Observed.RESIDUAL);
                assertThat(o.status()).as("η = %s", spec.x().value(ix)).isEqualTo(map.classAt(ix, iy));
                boolean below = spec.x().value(ix) < 1;
                if (below && o.status() != CellClass.CONVERGED) {
                    assertThat(o.status()).as("slow convergence below 1/|Φ|").isEqualTo(CellClass.SLOW);
                    slow++;
                }
            }
        }
        assertThat(slow).isPositive();
    }
}
