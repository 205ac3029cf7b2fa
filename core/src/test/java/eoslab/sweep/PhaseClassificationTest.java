package eoslab.sweep;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.measure.CellCheck.Certification;
import eoslab.measure.PhaseMap;
import eoslab.model.shallow.Landmarks;
import eoslab.service.Runs;
import eoslab.spec.RunSettings;
import eoslab.spec.StartSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

/** Phase-map cells whose fate is known in closed form (docs/model.md §6). */
class PhaseClassificationTest extends EoslabTest {
    private static final RunSettings SETTINGS = RunSettings.gd(StopRule.DEFAULT);

    private static PhaseMap map(ParameterGrid grid, int yIndex, int steps, int threads) {
        return PhaseEngine.run(new PhaseSpec(grid.withStop(new StopRule(steps, 1e-12)), yIndex), threads, null);
    }

    /** Φ = 0: ηλ₀ &lt; 2 lazy convergence, 2 &lt; ηλ₀ &lt; 4 catapult then convergence, ηλ₀ &gt; 4 divergence. */
    @ParameterizedTest
    @CsvSource({"0.5,1.95,CONVERGED", "2.05,3.95,CONVERGED", "4.05,8.0,DIVERGED"})
    void catapultThresholdsAtZeroTarget(double lo, double hi, CellClass expected) {
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", lo, hi, 40, false), Axis.single("phi", 0.0),
                new Axis("m0", 0.01, 0.2, 8, false), Axis.single("lambda0", 1.0), SETTINGS);
        PhaseMap m = map(g, 2, 20000, 2);
        for (int iy = 0; iy < m.ny(); iy++) {
            for (int ix = 0; ix < m.nx(); ix++) {
                assertThat(CellClass.of(m.cls()[iy * m.nx() + ix])).as("cell %d,%d", ix, iy).isEqualTo(expected);
            }
        }
    }

    /** In the catapult range the loss first grows (max_loss above the initial loss), below it it does not. */
    @Test
    void catapultRaisesTheLossOnlyAboveTwo() {
        double m0 = 0.1;
        double l0 = 1.0;
        var rule = new eoslab.dynamics.StopRule(20000, 1e-12);
        var point = new StartSpec.Canonical(m0, l0).point();
        var lazy = eoslab.dynamics.Runner.run(eoslab.dynamics.shallow.ReducedGd.from(0.0, 1.5, point), rule, java.util.List.of());
        var cat = eoslab.dynamics.Runner.run(eoslab.dynamics.shallow.ReducedGd.from(0.0, 3.0, point), rule, java.util.List.of());
        double initialLoss = 0.5 * m0 * m0;
        assertThat(lazy.maxLoss()).isEqualTo(initialLoss);
        assertThat(cat.maxLoss()).isGreaterThan(2 * initialLoss);
        assertThat(cat.last().norm()).isLessThan(2.0 / 3.0);
    }

    /** η &lt; 2/λ_GF converges from small initializations (Φ = 1, λ₀ ≤ 1). */
    @Test
    void stableStepsConvergeFromSmallInitializations() {
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta-rel", 0.05, 0.98, 32, false),
                Axis.single("phi", 1.0), Axis.single("m0", 0.0), new Axis("lambda0", 0.05, 1.0, 16, false), SETTINGS);
        PhaseMap m = map(g, 3, 100000, 2);
        assertThat(m.counts()[CellClass.CONVERGED.ordinal()]).isEqualTo((long) m.nx() * m.ny());
        double eta = Runs.resolve(new PhaseSpec(g, 3).cell(31, 15)).eta();
        assertThat(eta).isLessThan(Landmarks.of(1.0, new StartSpec.Canonical(0.0, 1.0).point()).edgeEta());
    }

    /** η &gt; 1/|Φ| never converges, from any initialization. */
    @ParameterizedTest
    @CsvSource({"1.0", "-2.0"})
    void beyondOneOverPhiNeverConverges(double phi) {
        double beyond = 1 / Math.abs(phi);
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 1.001 * beyond, 3 * beyond, 48, false),
                Axis.single("phi", phi), Axis.single("m0", 0.0), new Axis("lambda0", 0.01, 12, 24, false), SETTINGS);
        PhaseMap m = map(g, 3, 5000, 2);
        assertThat(m.counts()[CellClass.CONVERGED.ordinal()]).isZero();
        assertThat(m.counts()[CellClass.PERIODIC.ordinal()] + m.counts()[CellClass.APERIODIC.ordinal()]).isPositive();
    }

    /** Thread count does not change a single cell. */
    @Test
    void threadCountDoesNotChangeTheMap() {
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.2, 1.6, 700, false),
                Axis.single("phi", 1.0), Axis.single("m0", 0.0), new Axis("lambda0", 0.5, 8, 12, false), SETTINGS);
        PhaseMap one = map(g, 3, 3000, 1);
        PhaseMap two = map(g, 3, 3000, 2);
        PhaseMap three = map(g, 3, 3000, 3);
        assertThat(two.cls()).isEqualTo(one.cls());
        assertThat(two.steps()).isEqualTo(one.steps());
        assertThat(two.period()).isEqualTo(one.period());
        assertThat(three.steps()).isEqualTo(one.steps());
    }

    /** Certification in 40 digits confirms a well-conditioned small map. */
    @Test
    void certificationConfirmsInteriorCells() {
        ParameterGrid g = ParameterGrid.canonical(new Axis("eta", 0.2, 1.6, 12, false),
                Axis.single("phi", 1.0), Axis.single("m0", 0.0), new Axis("lambda0", 0.5, 8, 12, false), SETTINGS);
        PhaseSpec spec = new PhaseSpec(g.withStop(new StopRule(500, 1e-12)), 3);
        PhaseMap m = PhaseEngine.run(spec, 2, null);
        Certification r = Certifier.certify(spec, m, 10, 40, 2, null);
        assertThat(r.checks()).hasSize(r.boundaryCells() + 10);
        assertThat(r.boundaryCells()).isPositive();
        long interior = r.checks().stream().filter(c -> !c.boundary()).count();
        long interiorConfirmed = r.checks().stream().filter(c -> !c.boundary() && c.confirmed()).count();
        assertThat(interiorConfirmed).isEqualTo(interior);
    }
}
