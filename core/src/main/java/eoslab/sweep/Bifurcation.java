package eoslab.sweep;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.dynamics.shallow.ReducedMomentum;
import eoslab.measure.Orbit;
import eoslab.measure.Orbit.Observed;
import eoslab.method.Nesterov;
import eoslab.model.shallow.ReducedPoint;
import eoslab.service.ResolvedRun;
import java.util.Arrays;

/**
 * One column of a bifurcation diagram ({@link Orbit}): GD (or heavy ball, Nesterov) from a fixed initialization with
 * step η, {@code discard} steps discarded, then {@code keep} iterates of the observed quantity recorded. The orbit is
 * classified by the rule of phase maps with the transient as the budget: converged if |ε| meets the run's tolerance
 * within the transient (with that step), diverged (with its step) if the norm passes the bound at any point, slow if
 * it meets the tolerance only among the {@link Periodicity#SAMPLES} iterates after the transient, else by the
 * {@link Periodicity} test on those iterates (continued beyond {@code keep} if needed). Its {@link Lyapunov} exponents
 * are counted over the kept iterates, with the tangent vectors aligned over the transient (GD, with batch-means
 * errors); with momentum {@link MomentumLyapunov} over the kept iterates, without error estimates.
 */
public final class Bifurcation {
    private Bifurcation() {
    }

    /**
     * Runs one column: the run's start, step, tolerance and method (with a constant step), with the exact reduced map
     * (the 4-variable map and {@link MomentumLyapunov} for heavy ball and Nesterov).
     *
     * @throws IllegalArgumentException for a varying step size (an attractor needs a fixed map)
     */
    public static Orbit column(ResolvedRun run, int discard, int keep, Observed what) {
        if (!run.method().schedule().isConstant()) {
            throw new IllegalArgumentException("bifurcation: attractors need a constant step; --schedule must be "
                    + "constant");
        }
        if (!Engines.isPlainGd(run.method())) {
            return momentumColumn(run, discard, keep, what);
        }
        double phi = run.phi();
        double eta = run.eta();
        double tol = run.stop().tol();
        ReducedGd gd = ReducedGd.from(run.model(), run.method(), run.start());
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
        return classified(eta, values, converged, metInTail, m, l, phi, lyap.largest(), lyap.largestError(),
                lyap.second(), lyap.secondError());
    }

    private static Orbit diverged(double eta, double[] values, long step) {
        return new Orbit(eta, values, CellClass.DIVERGED, step, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static Orbit momentumColumn(ResolvedRun run, int discard, int keep, Observed what) {
        double phi = run.phi();
        double eta = run.eta();
        double tol = run.stop().tol();
        ReducedMomentum gd = ReducedMomentum.from(run.model(), run.method(), run.start());
        long converged = Math.abs(gd.residual()) <= tol ? 0 : -1;
        for (int k = 1; k <= discard; k++) {
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
        MomentumLyapunov lyap = new MomentumLyapunov(run.method() instanceof Nesterov, run.method().beta());
        int total = Math.max(keep, Periodicity.SAMPLES);
        for (int j = 0; j < total; j++) {
            if (j < keep) {
                values[j] = what == Observed.RESIDUAL ? gd.residual() : gd.norm();
                ReducedPoint r = gd.reduced();
                ReducedPoint rm = gd.previous();
                lyap.accumulate(phi, eta, r.p(), r.q(), rm.p(), rm.q());
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
        return classified(eta, values, converged, metInTail, m, l, phi, lyap.largest(), Double.NaN, lyap.second(),
                Double.NaN);
    }

    /** The class of an orbit that did not diverge: the shared rule of phase maps (see the class comment). */
    private static Orbit classified(double eta, double[] values, long converged, boolean metInTail, double[] m,
                                    double[] l, double phi, double lyapunov, double lyapunovError, double lyapunov2,
                                    double lyapunov2Error) {
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
        return new Orbit(eta, values, status, step, period, lyapunov, lyapunovError, lyapunov2, lyapunov2Error);
    }
}
