package eoslab.io;

import eoslab.grid.Axis;
import eoslab.dynamics.CellClass;
import eoslab.measure.Orbit;
import eoslab.measure.SuperstablePoint;
import eoslab.model.shallow.Landmarks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV files of a bifurcation diagram: the attractor points ({@code [eta_rel_set,|eta_crit_set,]eta,index,VALUE},
 * one row per kept iterate; {@code beta,eta,index,VALUE} for a diagram over the momentum β), the orbits
 * ({@code [beta,]eta,eta_rel,eta_crit,status,converged_step,diverged_step,period,lyapunov,lyapunov_error,lyapunov_2,
 * lyapunov_2_error}, one row per step size or β; the {@code beta} column for a method with momentum; empty cells where
 * a value does not apply) and the superstable points of the cascade.
 */
public final class BifurcationCsv {
    private BifurcationCsv() {
    }

    /**
     * Writes the points onto out (written to, not closed).
     *
     * @param etaAxis the swept axis ({@code eta}; or {@code eta-rel}, {@code eta-crit} or {@code beta}: then its value
     *                as set is the first column)
     */
    public static void points(Appendable out, Axis etaAxis, Orbit[] orbits, Orbit.Observed what) {
        boolean relative = !etaAxis.name().equals("eta");
        String first = etaAxis.name().equals("beta") ? "beta" : etaAxis.name().replace('-', '_') + "_set";
        CsvRows rows = CsvRows.withHeader(out, relative ? List.of(first, "eta", "index", what.label())
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
     * Writes the superstable points of the cascade onto out ({@code n,period,eta,c,c_exact,c_error,note}; empty cells
     * where a point was not found).
     */
    public static void cascade(Appendable out, List<SuperstablePoint> points) {
        CsvRows rows = CsvRows.withHeader(out, List.of("n", "period", "eta", "c", "c_exact", "c_error", "note"));
        for (SuperstablePoint s : points) {
            rows.row(s.n(), s.period(), s.eta(), s.c(), s.exact(), s.error(), s.note());
        }
        rows.flush();
    }

    /**
     * Writes the orbits onto out (written to, not closed).
     *
     * @param landmarks the landmarks of the start, for the relative steps ηλ_GF/2 and η/η* (gradient descent's
     *                  boundary, also for a method with momentum)
     * @param betas     the momentum of each orbit, or null for gradient descent (no {@code beta} column)
     */
    public static void orbits(Appendable out, Orbit[] orbits, Landmarks landmarks, double[] betas) {
        List<String> columns = new ArrayList<>(List.of("eta", "eta_rel", "eta_crit", "status", "converged_step",
                "diverged_step", "period", "lyapunov", "lyapunov_error", "lyapunov_2", "lyapunov_2_error"));
        if (betas != null) {
            columns.add(0, "beta");
        }
        CsvRows rows = CsvRows.withHeader(out, columns);
        for (int i = 0; i < orbits.length; i++) {
            Orbit c = orbits[i];
            List<Object> row = new ArrayList<>(List.of(c.eta(), landmarks.relativeEta(c.eta()),
                    landmarks.criticalRelativeEta(c.eta()), c.status().label()));
            row.add(c.status() == CellClass.CONVERGED ? c.step() : null);
            row.add(c.diverged() ? c.step() : null);
            row.addAll(Arrays.asList(c.period(), c.lyapunov(), c.lyapunovError(), c.lyapunov2(),
                    c.lyapunov2Error()));
            if (betas != null) {
                row.add(0, betas[i]);
            }
            rows.row(row);
        }
        rows.flush();
    }
}
