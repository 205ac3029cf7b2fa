package eoslab.io;

import eoslab.grid.Axis;
import eoslab.measure.Orbit;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The two CSV files of a bifurcation diagram: the attractor points ({@code [eta_rel_set,|eta_crit_set,]eta,index,VALUE}, one row per
 * kept iterate) and the orbits ({@code eta,eta_rel,status,diverged_step,period,lyapunov,lyapunov_2}, one row per step
 * size).
 */
public final class BifurcationCsv {
    private BifurcationCsv() {
    }

    /**
     * Writes the points onto out (written to, not closed).
     *
     * @param etaAxis the swept step axis ({@code eta}, or {@code eta-rel} or {@code eta-crit}: then its value as set is
     *                the first column)
     */
    public static void points(Appendable out, Axis etaAxis, Orbit[] orbits, Orbit.Observed what) {
        boolean relative = !etaAxis.name().equals("eta");
        CsvRows rows = CsvRows.withHeader(out, relative
                ? List.of(etaAxis.name().replace('-', '_') + "_set", "eta", "index", what.label())
                : List.of("eta", "index", what.label()));
        for (int i = 0; i < orbits.length; i++) {
            double[] v = orbits[i].values();
            for (int j = 0; j < v.length; j++) {
                if (relative) {
                    rows.row(etaAxis.value(i), orbits[i].eta(), j, v[j]);
                } else {
                    rows.row(orbits[i].eta(), j, v[j]);
                }
            }
        }
        rows.flush();
    }

    /**
     * Writes the orbits onto out (written to, not closed).
     *
     * @param relativeEta the relative step ηλ_GF/2 of a step η
     */
    public static void orbits(Appendable out, Orbit[] orbits, DoubleUnaryOperator relativeEta) {
        CsvRows rows = CsvRows.withHeader(out,
                List.of("eta", "eta_rel", "status", "diverged_step", "period", "lyapunov", "lyapunov_2"));
        for (Orbit c : orbits) {
            rows.row(c.eta(), relativeEta.applyAsDouble(c.eta()), c.status(), c.diverged() ? c.divergedStep() : null,
                    c.period(), c.lyapunov(), c.lyapunov2());
        }
        rows.flush();
    }
}
