package eoslab.io;

import eoslab.dynamics.CellClass;
import eoslab.grid.Axis;
import eoslab.measure.PhaseMap;
import java.util.List;

/**
 * A phase map as CSV: one row per cell, {@code ix,iy,X,Y,outcome,steps,period,sharpness,max_loss}, rows of y in
 * increasing order.
 */
public final class PhaseCsv {
    private PhaseCsv() {
    }

    /** Writes the map onto out (written to, not closed). */
    public static void write(Appendable out, PhaseMap map, Axis x, Axis y) {
        CsvRows rows = CsvRows.withHeader(out, List.of("ix", "iy", x.name(), y.name(), "outcome", "steps", "period",
                "sharpness", "max_loss"));
        for (int iy = 0; iy < map.ny(); iy++) {
            for (int ix = 0; ix < map.nx(); ix++) {
                int c = iy * map.nx() + ix;
                rows.row(ix, iy, x.value(ix), y.value(iy), CellClass.of(map.cls()[c]).label(), map.steps()[c],
                        map.period()[c], map.sharpness()[c], map.maxLoss()[c]);
            }
        }
        rows.flush();
    }
}
