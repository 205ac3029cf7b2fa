package eoslab.sweep;

import eoslab.dynamics.Periodicity;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.dynamics.shallow.ReducedMomentum;
import eoslab.measure.Orbit.Observed;
import eoslab.measure.Orbit;
import eoslab.method.Nesterov;
import eoslab.model.shallow.ReducedPoint;
import eoslab.service.ResolvedRun;
import java.util.Arrays;

/**
 * One column of a bifurcation diagram ({@link Orbit}): GD (or heavy ball, Nesterov) from a fixed initialization with
 * step η, {@code discard} steps discarded,
 * then {@code keep} iterates of the observed quantity recorded, with the period of the orbit (the {@link Periodicity}
 * test on the first {@link Periodicity#SAMPLES} kept iterates, continued beyond {@code keep} if needed) and its
 * {@link Lyapunov} exponents over the kept iterates.
 */
public final class Bifurcation {
    private Bifurcation() {
    }

    /**
     * Runs one column: the run's start, step and method (with a constant step), with the exact reduced map (the
     * 4-variable map and {@link MomentumLyapunov} for heavy ball and Nesterov).
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
        ReducedGd gd = ReducedGd.from(run.model(), run.method(), run.start());
        for (int k = 1; k <= discard; k++) {
            if (!gd.step()) {
                return new Orbit(eta, new double[0], true, k, 0, Double.NaN, Double.NaN);
            }
        }
        double[] values = new double[keep];
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        Lyapunov lyap = new Lyapunov();
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
            }
            if (!gd.step()) {
                double[] kept = Arrays.copyOf(values, Math.min(j + 1, keep));
                return new Orbit(eta, kept, true, discard + j + 1L, 0, Double.NaN, Double.NaN);
            }
        }
        return new Orbit(eta, values, false, 0, Periodicity.period(m, l), lyap.largest(), lyap.second());
    }

    private static Orbit momentumColumn(ResolvedRun run, int discard, int keep, Observed what) {
        double phi = run.phi();
        double eta = run.eta();
        ReducedMomentum gd = ReducedMomentum.from(run.model(), run.method(), run.start());
        for (int k = 1; k <= discard; k++) {
            if (!gd.step()) {
                return new Orbit(eta, new double[0], true, k, 0, Double.NaN, Double.NaN);
            }
        }
        double[] values = new double[keep];
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
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
            }
            if (!gd.step()) {
                double[] kept = Arrays.copyOf(values, Math.min(j + 1, keep));
                return new Orbit(eta, kept, true, discard + j + 1L, 0, Double.NaN, Double.NaN);
            }
        }
        return new Orbit(eta, values, false, 0, Periodicity.period(m, l), lyap.largest(), lyap.second());
    }
}
