package eoslab.plot;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.landscape.BalancedMap;
import eoslab.landscape.Superstable;
import eoslab.measure.Orbit;
import eoslab.model.shallow.Landmarks;
import eoslab.spec.StartSpec;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BifurcationChartTest extends EoslabTest {
    /** Columns at η = 0.9 … 2.1 (Φ = 1): a fixed point, then fake attractors; columns past 1.9 diverged. */
    private static Orbit[] orbits(double[] xs) {
        Orbit[] o = new Orbit[xs.length];
        for (int i = 0; i < xs.length; i++) {
            boolean diverged = xs[i] > 1.9;
            o[i] = new Orbit(xs[i], diverged ? new double[0] : new double[] {0.1, -0.1},
                    diverged ? CellClass.DIVERGED : CellClass.PERIODIC, diverged ? 5 : 0, 2,
                    diverged ? Double.NaN : -0.1, Double.NaN, -0.2, Double.NaN);
        }
        return o;
    }

    @Test
    void theDiagramHasTheClosedFormCycleTheSuperstablePointsDivergenceAndALyapunovPanel() {
        double[] xs = eoslab.grid.Axis.linspace(0.9, 2.1, 121);
        Landmarks l = Landmarks.of(1.0, new StartSpec.Canonical(1.0, 2.0).point());
        Panels p = BifurcationChart.of(xs, 0.9, 2.1, false, false, orbits(xs), Orbit.Observed.RESIDUAL, l);
        assertThat(p.charts()).hasSize(2);
        Chart top = p.charts().get(0);
        Chart bottom = p.charts().get(1);
        // the x axis is the range asked for, in both panels, whatever diverged
        assertThat(top.xAxis().min()).isEqualTo(0.9);
        assertThat(top.xAxis().max()).isEqualTo(2.1);
        assertThat(bottom.xAxis().fixed()).isTrue();
        // divergence shaded from half a column before the first diverged one to the end
        int first = 0;
        while (!(xs[first] > 1.9)) {
            first++;
        }
        assertThat(top.bands()).hasSize(1);
        assertThat(top.bands().get(0).x0()).isCloseTo(0.5 * (xs[first - 1] + xs[first]), within(1e-12));
        assertThat(top.bands().get(0).x1()).isEqualTo(2.1);
        // the stable 2-cycle: ε± = z±/η − 1 with z₊z₋ = 1, z₊ + z₋ = 1 + c
        Chart.Series cycle = top.series().stream().filter(s -> s.name().startsWith("closed-form")).findFirst()
                .orElseThrow();
        int n = cycle.x().length / 2;
        for (int i = 0; i < n; i++) {
            double c = cycle.x()[i];
            assertThat(c).isBetween(1.0, BalancedMap.TWO_CYCLE_STABLE_END);
            double zm = (1 + cycle.y()[i]) * c;
            double zp = (1 + cycle.y()[n + 1 + i]) * c;
            assertThat(zm * zp).isCloseTo(1, within(1e-12));
            assertThat(zm + zp).isCloseTo(1 + c, within(1e-12));
        }
        // superstable points c₁ … c₅ at the critical point (1 + c)/3
        Chart.Series sup = top.series().stream().filter(s -> s.name().startsWith("superstable")).findFirst()
                .orElseThrow();
        double[] c = Superstable.parameters(5);
        assertThat(sup.x()).containsExactly(c[1], c[2], c[3], c[4], c[5]);
        assertThat(sup.y()[0]).isCloseTo((1 + c[1]) / 3 / c[1] - 1, within(1e-15));
        // the Lyapunov panel, with λ₁ = 0 and ln 3 marked
        assertThat(bottom.series().get(0).y()[0]).isEqualTo(-0.1);
        assertThat(bottom.series().get(0).y()[120]).isNaN();
        assertThat(bottom.rules()).anyMatch(r -> !r.vertical() && r.value() == Math.log(3));
        assertThat(top.rules()).anyMatch(r -> r.vertical() && r.value() == 1.0);
    }

    @Test
    void relativeStepsPlaceTheLandmarksOnTheRelativeAxis() {
        Landmarks l = Landmarks.of(1.0, new StartSpec.Canonical(0.0, 3.0).point());
        double scale = l.gfSharpness() / 2;
        double[] xs = eoslab.grid.Axis.linspace(0.5, 3, 26);
        Panels p = BifurcationChart.of(xs, 0.5, 3, false, true, orbits(xs), Orbit.Observed.NORM, l);
        Chart top = p.charts().get(0);
        assertThat(top.rules()).anyMatch(r -> r.vertical() && r.value() == 1.0);
        assertThat(top.rules()).anyMatch(r -> r.vertical() && Math.abs(r.value() - scale) < 1e-12);
        Chart.Series cycle = top.series().stream().filter(s -> s.name().startsWith("closed-form")).findFirst()
                .orElseThrow();
        // on the norm: λ = 2|m| = 2z/η on the balanced cycle
        double x = cycle.x()[0];
        double eta = x / scale;
        double[] z = new BalancedMap(eta).twoCycle();
        assertThat(cycle.y()[0]).isCloseTo(2 * z[0] / eta, within(1e-12));
    }
}
