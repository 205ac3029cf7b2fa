package eoslab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.model.shallow.Landmarks;
import eoslab.plot.PhaseImage.Curve;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.ScheduleSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The overlay's curves against the closed forms of each method's edges (docs/models.md §2). */
class PhaseOverlayTest extends EoslabTest {
    private static final double LAMBDA0 = 3.0;

    private static PhaseSpec map(MethodSpec method, Axis lambda0) {
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.2, 1.6, 8, false), Axis.single("phi", 1.0),
                Axis.single("m0", 0.0), lambda0, new RunSettings(method, new StopRule(100, 1e-12), Engine.AUTO,
                        Precision.DOUBLE));
        return new PhaseSpec(g, g.axes().indexOf(g.axis("lambda0")));
    }

    @Test
    void gradientDescentDrawsTheBoundaryAndItsThresholds() {
        PhaseSpec spec = map(MethodSpec.GD, new Axis("lambda0", 2, 6, 5, false));
        List<Curve> curves = PhaseOverlay.curves(spec, spec.rowLandmarks());
        assertThat(curves).extracting(Curve::label).containsExactly("η*: converges below",
                "2/λ_GF: GF solution unstable", "1/|Φ|: all minima unstable");
        for (int iy = 0; iy < 5; iy++) {
            double l0 = 2 + iy;
            // m0 = 0, Φ = 1: λ_GF = √(4 + λ0²), η* = min{1, 8/(λ0 + √(λ0² + 16))}
            assertThat(curves.get(1).x()[iy]).isCloseTo(2 / Math.sqrt(4 + l0 * l0), within(1e-15));
            assertThat(curves.get(0).x()[iy]).isCloseTo(Math.min(1, 8 / (l0 + Math.sqrt(l0 * l0 + 16))),
                    within(1e-15));
            assertThat(curves.get(2).x()[iy]).isEqualTo(1.0);
        }
    }

    @Test
    void momentumDrawsTheMethodsEdgesForEachRowsBeta() {
        for (String name : List.of("heavy-ball", "nesterov")) {
            MethodSpec method = MethodSpec.of(name, 0.0, ScheduleSpec.CONSTANT);
            ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.2, 1.6, 8, false), Axis.single("phi", 1.0),
                    Axis.single("m0", 0.0), Axis.single("lambda0", LAMBDA0), new RunSettings(method,
                            new StopRule(100, 1e-12), Engine.AUTO, Precision.DOUBLE))
                    .withBeta(new Axis("beta", 0, 0.9, 4, false));
            PhaseSpec spec = new PhaseSpec(g, g.axes().indexOf(g.axis("beta")));
            Landmarks[] rows = spec.rowLandmarks();
            List<Curve> curves = PhaseOverlay.curves(spec, rows);
            assertThat(curves).extracting(Curve::label).as(name).containsExactly("2κ/λ_GF: GF solution unstable",
                    "κ/|Φ|: all minima unstable");
            double gf = Math.sqrt(4 + LAMBDA0 * LAMBDA0);
            for (int iy = 0; iy < 4; iy++) {
                double b = 0.3 * iy;
                double kappa = name.equals("heavy-ball") ? 1 + b : (1 + b) / (1 + 2 * b);
                assertThat(curves.get(0).x()[iy]).as("%s β = %s", name, b).isCloseTo(2 * kappa / gf, within(1e-14));
                assertThat(curves.get(1).x()[iy]).as("%s β = %s", name, b).isCloseTo(kappa, within(1e-14));
            }
        }
    }
}
