package eoslab.io;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.grid.Axis;
import eoslab.measure.PhaseMap;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link PhaseCsv}: one row per cell, rows of y in increasing order, x fastest, with the axes' values. */
class PhaseCsvTest extends EoslabTest {

    @Test
    void writesEveryCellWithItsParameters() {
        PhaseMap map = PhaseMap.empty(3, 2);
        CellClass[] classes = {CellClass.CONVERGED, CellClass.DIVERGED, CellClass.PERIODIC, CellClass.APERIODIC,
                CellClass.SLOW, CellClass.CONVERGED};
        int[] steps = {12, 7, 10000, 10000, 10000, 0};
        byte[] periods = {0, 0, 4, 0, 1, 0};
        for (int c = 0; c < 6; c++) {
            map.cls()[c] = (byte) classes[c].ordinal();
            map.steps()[c] = steps[c];
            map.period()[c] = periods[c];
            map.sharpness()[c] = 1.5 + c;
            map.maxLoss()[c] = 0.25 * c;
        }
        StringBuilder out = new StringBuilder();
        PhaseCsv.write(out, map, new Axis("eta", 0.2, 0.6, 3, false), new Axis("lambda0", 1, 4, 2, true));
        assertThat(out.toString()).isEqualTo("""
                ix,iy,eta,lambda0,outcome,steps,period,sharpness,max_loss
                0,0,0.2,1.0,converged,12,0,1.5,0.0
                1,0,0.4,1.0,diverged,7,0,2.5,0.25
                2,0,0.6,1.0,periodic,10000,4,3.5,0.5
                0,1,0.2,4.0,aperiodic,10000,0,4.5,0.75
                1,1,0.4,4.0,slow,10000,1,5.5,1.0
                2,1,0.6,4.0,converged,0,0,6.5,1.25
                """);
    }
}
