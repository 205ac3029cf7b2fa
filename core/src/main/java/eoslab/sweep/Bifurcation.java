package eoslab.sweep;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.measure.Orbit;
import eoslab.measure.Orbit.Observed;
import eoslab.method.GradientDescent;
import eoslab.model.shallow.ReducedPoint;
import eoslab.service.ResolvedRun;
import java.util.Arrays;

/**
 * One column of a bifurcation diagram ({@link Orbit}): GD from a fixed initialization with step η, {@code discard}
 * steps discarded, then {@code keep} iterates of the observed quantity recorded. The orbit is classified by the rule
 * of phase maps with the transient as the budget: converged if |ε| meets the run's tolerance within the transient
 * (with that step), diverged (with its step) if the norm passes the bound at any point, slow if it meets the
 * tolerance only among the {@link Periodicity#SAMPLES} iterates after the transient, else by the {@link Periodicity}
 * test on those iterates (continued beyond {@code keep} if needed). Its {@link Lyapunov} exponents are counted over
 * the kept iterates, with the tangent vectors aligned over the transient.
 */
public final class Bifurcation {
    private Bifurcation() {
    }

    /** Runs one column: the run's start, step and tolerance, with the exact reduced map. */
    public static Orbit column(ResolvedRun run, int discard, int keep, Observed what) {
        double phi = run.phi();
        double eta = run.eta();
        double tol = run.stop().tol();
        ReducedGd gd = ReducedGd.from(run.model(), (GradientDescent) run.method(), run.start());
        Lyapunov lyap = new Lyapunov(keep);
        long converged = Math.abs(gd.residual()) <= tol ? 0 : -1;
        for (int k = 1; k <= discard; k++) {
            ReducedPoint r = gd.reduced();
            lyap.align(phi, eta, r.p(), r.q());
            if (!gd.step()) {
                return diverged(eta, new double[0], k);
            }
            if (converged < 0 && Math.abs(gd.residual()) <= tol) {
                converged = k;
            }
        }
        double[] values = new double[keep];
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        boolean metInTail = false;
        int total = Math.max(keep, Periodicity.SAMPLES);
        for (int j = 0; j < total; j++) {
            if (j < keep) {
                values[j] = what == Observed.RESIDUAL ? gd.residual() : gd.norm();
                ReducedPoint r = gd.reduced();
                lyap.accumulate(phi, eta, r.p(), r.q());
            }
            if (j < Periodicity.SAMPLES) {
                m[j] = gd.product();
                l[j] = gd.norm();
                metInTail |= Math.abs(gd.residual()) <= tol;
            }
            if (!gd.step()) {
                return diverged(eta, Arrays.copyOf(values, Math.min(j + 1, keep)), discard + j + 1L);
            }
        }
        CellClass status;
        int period;
        long step = 0;
        if (converged >= 0) {
            status = CellClass.CONVERGED;
            period = 1;
            step = converged;
        } else if (metInTail) {
            status = CellClass.SLOW;
            period = 1;
        } else {
            period = Periodicity.period(m, l, phi);
            status = Periodicity.classOf(period);
        }
        return new Orbit(eta, values, status, step, period, lyap.largest(), lyap.largestError(), lyap.second(),
                lyap.secondError());
    }

    private static Orbit diverged(double eta, double[] values, long step) {
        return new Orbit(eta, values, CellClass.DIVERGED, step, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
