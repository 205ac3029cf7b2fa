package eoslab.io;

import eoslab.EoslabTest;
import eoslab.grid.Axis;
import eoslab.measure.Orbit;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link BifurcationCsv}: attractor points (with the relative step first for an eta-rel axis) and orbit rows. */
class BifurcationCsvTest extends EoslabTest {
    private static final Orbit[] ORBITS = {
        new Orbit(0.5, new double[] {0.25, -0.125}, false, 0, 2, -0.5, -1.5),
        new Orbit(1.5, new double[] {3.0}, true, 17, 0, Double.NaN, Double.NaN),
        new Orbit(1.0, new double[] {}, false, 0, 0, 0.25, Double.NEGATIVE_INFINITY)};

    @Test
    void pointsOnAnAbsoluteAxis() {
        StringBuilder out = new StringBuilder();
        BifurcationCsv.points(out, new Axis("eta", 0.5, 1.5, 3, false), ORBITS, Orbit.Observed.RESIDUAL);
        assertThat(out.toString()).isEqualTo("eta,index,residual\n0.5,0,0.25\n0.5,1,-0.125\n1.5,0,3.0\n");
    }

    @Test
    void pointsOnARelativeAxisStartWithTheRelativeStep() {
        StringBuilder out = new StringBuilder();
        BifurcationCsv.points(out, new Axis("eta-rel", 0.1, 0.3, 3, false), ORBITS, Orbit.Observed.NORM);
        assertThat(out.toString()).isEqualTo(
                "eta_rel_set,eta,index,norm\n0.1,0.5,0,0.25\n0.1,0.5,1,-0.125\n0.2,1.5,0,3.0\n");
    }

    @Test
    void orbitsWithStatusDivergedStepAndEmptyCellsForUndefinedExponents() {
        StringBuilder out = new StringBuilder();
        BifurcationCsv.orbits(out, ORBITS, eta -> 2 * eta, null);
        assertThat(out.toString()).isEqualTo("""
                eta,eta_rel,status,diverged_step,period,lyapunov,lyapunov_2
                0.5,1.0,periodic,,2,-0.5,-1.5
                1.5,3.0,diverged,17,0,,
                1.0,2.0,aperiodic,,0,0.25,
                """);
    }
}
