package eoslab.io;

import eoslab.EoslabTest;
import eoslab.grid.Axis;
import eoslab.dynamics.CellClass;
import eoslab.measure.Orbit;
import eoslab.measure.SuperstablePoint;
import eoslab.model.shallow.Landmarks;
import eoslab.spec.StartSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link BifurcationCsv}: attractor points (with the relative step first for an eta-rel axis) and orbit rows. */
class BifurcationCsvTest extends EoslabTest {
    private static final Orbit[] ORBITS = {
        new Orbit(0.5, new double[] {0.25, -0.125}, CellClass.PERIODIC, 0, 2, -0.5, 0.125, -1.5, 0.25),
        new Orbit(1.5, new double[] {3.0}, CellClass.DIVERGED, 17, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN),
        new Orbit(1.0, new double[] {}, CellClass.APERIODIC, 0, 0, 0.25, Double.NaN, Double.NEGATIVE_INFINITY, 0.5),
        new Orbit(0.25, new double[] {0.0}, CellClass.CONVERGED, 40, 1, 0.0, 0.0, -0.5, 0.0)};
    /** Φ = 1, m₀ = 0, λ₀ = 5: λ_GF = √29, η* = 8/(5 + √41). */
    private static final Landmarks LANDMARKS = Landmarks.of(1.0, new StartSpec.Canonical(0.0, 5.0).point());

    @Test
    void pointsOnAnAbsoluteAxis() {
        StringBuilder out = new StringBuilder();
        BifurcationCsv.points(out, new Axis("eta", 0.5, 1.5, 4, false), ORBITS, Orbit.Observed.RESIDUAL);
        assertThat(out.toString()).isEqualTo("eta,index,residual\n0.5,0,0.25\n0.5,1,-0.125\n1.5,0,3.0\n0.25,0,0.0\n");
    }

    @Test
    void pointsOnARelativeAxisStartWithTheRelativeStep() {
        StringBuilder out = new StringBuilder();
        BifurcationCsv.points(out, new Axis("eta-rel", 0.1, 0.4, 4, false), ORBITS, Orbit.Observed.NORM);
        assertThat(out.toString()).isEqualTo(
                "eta_rel_set,eta,index,norm\n0.1,0.5,0,0.25\n0.1,0.5,1,-0.125\n0.2,1.5,0,3.0\n0.4,0.25,0,0.0\n");
    }

    @Test
    void orbitsWithStatusStepsErrorsAndEmptyCellsForUndefinedValues() {
        StringBuilder out = new StringBuilder();
        BifurcationCsv.orbits(out, ORBITS, LANDMARKS, null);
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("eta,eta_rel,eta_crit,status,converged_step,diverged_step,period,lyapunov,"
                + "lyapunov_error,lyapunov_2,lyapunov_2_error");
        String[] etas = {"0.5", "1.5", "1.0", "0.25"};
        String[] rest = {"periodic,,,2,-0.5,0.125,-1.5,0.25", "diverged,,17,0,,,,", "aperiodic,,,0,0.25,,,0.5",
            "converged,40,,1,0.0,0.0,-0.5,0.0"};
        for (int i = 0; i < 4; i++) {
            double eta = Double.parseDouble(etas[i]);
            assertThat(lines[i + 1]).isEqualTo(etas[i] + "," + LANDMARKS.relativeEta(eta) + ","
                    + LANDMARKS.criticalRelativeEta(eta) + "," + rest[i]);
        }
        assertThat(lines).hasSize(5);
    }

    @Test
    void cascadeRowsLeaveUnfoundPointsEmpty() {
        StringBuilder out = new StringBuilder();
        BifurcationCsv.cascade(out, List.of(new SuperstablePoint(1, 1.25, 1.25, 1.125, "found"),
                new SuperstablePoint(2, null, null, 1.5, "not resolved")));
        assertThat(out.toString()).isEqualTo("""
                n,period,eta,c,c_exact,c_error,note
                1,2,1.25,1.25,1.125,0.125,found
                2,4,,,1.5,,not resolved
                """);
    }
}
