package eoslab.sweep;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.dynamics.shallow.ReducedMomentum;
import eoslab.dynamics.shallow.ShallowStepper;
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
        double eta = run.eta();
        ReducedGd gd = ReducedGd.from(run.model(), run.method(), run.start());
        Lyapunov lyap = new Lyapunov(keep);
        return orbit(run, gd, new Tangents() {
            @Override
            public void align() {
                ReducedPoint r = gd.reduced();
                lyap.align(run.phi(), eta, r.p(), r.q());
            }

            @Override
            public void accumulate() {
                ReducedPoint r = gd.reduced();
                lyap.accumulate(run.phi(), eta, r.p(), r.q());
            }

            @Override
            public Orbit exponents(double[] values, CellClass status, long step, int period) {
                return new Orbit(eta, values, status, step, period, lyap.largest(), lyap.largestError(),
                        lyap.second(), lyap.secondError());
            }
        }, discard, keep, what);
    }

    private static Orbit momentumColumn(ResolvedRun run, int discard, int keep, Observed what) {
        double eta = run.eta();
        ReducedMomentum gd = ReducedMomentum.from(run.model(), run.method(), run.start());
        MomentumLyapunov lyap = new MomentumLyapunov(run.method() instanceof Nesterov, run.method().beta());
        return orbit(run, gd, new Tangents() {
            @Override
            public void accumulate() {
                ReducedPoint r = gd.reduced();
                ReducedPoint rm = gd.previous();
                lyap.accumulate(run.phi(), eta, r.p(), r.q(), rm.p(), rm.q());
            }

            @Override
            public Orbit exponents(double[] values, CellClass status, long step, int period) {
                return new Orbit(eta, values, status, step, period, lyap.largest(), Double.NaN, lyap.second(),
                        Double.NaN);
            }
        }, discard, keep, what);
    }

    /** The Lyapunov exponents of a column, fed at each iterate of the transient and of the kept part. */
    private interface Tangents {
        /** Called at each iterate of the transient, before its step. */
        default void align() {
        }

        /** Called at each kept iterate, before its step. */
        void accumulate();

        /** The orbit with the exponents accumulated so far. */
        Orbit exponents(double[] values, CellClass status, long step, int period);
    }

    /** Runs a column on a reduced engine and classifies it by the shared rule of phase maps (the class comment). */
    private static Orbit orbit(ResolvedRun run, ShallowStepper gd, Tangents tangents, int discard, int keep,
                               Observed what) {
        double eta = run.eta();
        double tol = run.stop().tol();
        long converged = Math.abs(gd.residual()) <= tol ? 0 : -1;
        for (int k = 1; k <= discard; k++) {
            tangents.align();
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
                tangents.accumulate();
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
        if (converged >= 0) {
            return tangents.exponents(values, CellClass.CONVERGED, converged, 1);
        }
        if (metInTail) {
            return tangents.exponents(values, CellClass.SLOW, 0, 1);
        }
        int period = Periodicity.period(m, l, run.phi());
        return tangents.exponents(values, Periodicity.classOf(period), 0, period);
    }

    private static Orbit diverged(double eta, double[] values, long step) {
        return new Orbit(eta, values, CellClass.DIVERGED, step, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
