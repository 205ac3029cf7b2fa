package eoslab.io;

import eoslab.grid.Axis;
import eoslab.measure.Orbit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The two CSV files of a bifurcation diagram: the attractor points ({@code [eta_rel_set,]eta,index,VALUE}, one row per
 * kept iterate; {@code beta,eta,index,VALUE} for a diagram over the momentum β) and the orbits
 * ({@code [beta,]eta,eta_rel,status,diverged_step,period,lyapunov,lyapunov_2}, one row per step size or β; the
 * {@code beta} column for a method with momentum).
 */
public final class BifurcationCsv {
    private BifurcationCsv() {
    }

    /**
     * Writes the points onto out (written to, not closed).
     *
     * @param etaAxis the swept axis ({@code eta}; or {@code eta-rel} or {@code beta}: then its value is the first
     *                column)
     */
    public static void points(Appendable out, Axis etaAxis, Orbit[] orbits, Orbit.Observed what) {
        boolean relative = !etaAxis.name().equals("eta");
        String first = etaAxis.name().equals("beta") ? "beta" : "eta_rel_set";
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
     * Writes the orbits onto out (written to, not closed).
     *
     * @param relativeEta the relative step ηλ_GF/2 of a step η
     * @param betas       the momentum of each orbit, or null for gradient descent (no {@code beta} column)
     */
    public static void orbits(Appendable out, Orbit[] orbits, DoubleUnaryOperator relativeEta, double[] betas) {
        List<String> columns = new ArrayList<>(List.of("eta", "eta_rel", "status", "diverged_step", "period",
                "lyapunov", "lyapunov_2"));
        if (betas != null) {
            columns.add(0, "beta");
        }
        CsvRows rows = CsvRows.withHeader(out, columns);
        for (int i = 0; i < orbits.length; i++) {
            Orbit c = orbits[i];
            List<Object> row = new ArrayList<>(List.of(c.eta(), relativeEta.applyAsDouble(c.eta()), c.status()));
            row.add(c.diverged() ? c.divergedStep() : null);
            row.addAll(List.of(c.period(), c.lyapunov(), c.lyapunov2()));
            if (betas != null) {
                row.add(0, betas[i]);
            }
            rows.row(row);
        }
        rows.flush();
    }
}
