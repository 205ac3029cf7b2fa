package eoslab.sweep;

import eoslab.dynamics.Periodicity;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.VectorPoint;
import java.util.Locale;

/**
 * One column of a bifurcation diagram: GD from a fixed initialization with step η, {@code discard} steps discarded,
 * then {@code keep} iterates of the observed quantity recorded, with the period of the orbit (the {@link Periodicity}
 * test on the first {@link Periodicity#SAMPLES} kept iterates, continued beyond {@code keep} if needed) and its
 * {@link Lyapunov} exponents over the kept iterates.
 */
public final class Bifurcation {
    private Bifurcation() {
    }

    /** What is recorded. */
    public enum Observe {
        /** ε = aᵀb − Φ. */
        RESIDUAL,
        /** λ = ‖a‖² + ‖b‖². */
        NORM;

        /** The lower-case name. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The result for one η.
     *
     * @param eta          step size
     * @param values       the kept iterates (fewer if the run diverged)
     * @param diverged     whether the run diverged
     * @param divergedStep the divergent step, or 0
     * @param period       the period (1: fixed point, i.e. converged; 2…64; 0: aperiodic or diverged)
     * @param lyapunov     λ₁ over the kept iterates (NaN if diverged)
     * @param lyapunov2    λ₂
     */
    public record Column(double eta, double[] values, boolean diverged, long divergedStep, int period,
                         double lyapunov, double lyapunov2) {
        /** fixed_point, periodic, aperiodic or diverged. */
        public String status() {
            return diverged ? "diverged" : period == 1 ? "fixed_point" : period > 1 ? "periodic" : "aperiodic";
        }
    }

    /** Runs one column. */
    public static Column column(double phi, double eta, VectorPoint start, int discard, int keep, Observe what) {
        ReducedGd gd = ReducedGd.from(phi, eta, start);
        for (int k = 1; k <= discard; k++) {
            if (!gd.step()) {
                return new Column(eta, new double[0], true, k, 0, Double.NaN, Double.NaN);
            }
        }
        double[] values = new double[keep];
        double[] m = new double[Periodicity.SAMPLES];
        double[] l = new double[Periodicity.SAMPLES];
        Lyapunov lyap = new Lyapunov();
        int total = Math.max(keep, Periodicity.SAMPLES);
        for (int j = 0; j < total; j++) {
            if (j < keep) {
                values[j] = what == Observe.RESIDUAL ? gd.residual() : gd.norm();
                ReducedPoint r = gd.reduced();
                lyap.accumulate(phi, eta, r.p(), r.q());
            }
            if (j < Periodicity.SAMPLES) {
                m[j] = gd.product();
                l[j] = gd.norm();
            }
            if (!gd.step()) {
                double[] kept = java.util.Arrays.copyOf(values, Math.min(j + 1, keep));
                return new Column(eta, kept, true, discard + j + 1L, 0, Double.NaN, Double.NaN);
            }
        }
        return new Column(eta, values, false, 0, Periodicity.period(m, l), lyap.largest(), lyap.second());
    }
}
