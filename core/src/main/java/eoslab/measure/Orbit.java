package eoslab.measure;

import java.util.Locale;

/**
 * The attractor of one GD run of a bifurcation diagram: the kept iterates of the observed quantity, the orbit's
 * period and its Lyapunov exponents.
 *
 * @param eta          step size on the model
 * @param values       the kept iterates (fewer if the run diverged)
 * @param diverged     whether the run diverged
 * @param divergedStep the divergent step, or 0
 * @param period       the period (1: fixed point, i.e. converged; 2…64; 0: aperiodic or diverged)
 * @param lyapunov     λ₁ over the kept iterates (NaN if diverged)
 * @param lyapunov2    λ₂
 */
public record Orbit(double eta, double[] values, boolean diverged, long divergedStep, int period, double lyapunov,
                    double lyapunov2) {

    /** What a bifurcation diagram records of each iterate. */
    public enum Observed {
        /** ε = aᵀb − Φ. */
        RESIDUAL,
        /** λ = ‖a‖² + ‖b‖². */
        NORM;

        /** The lower-case name (a CSV column). */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses a label.
         *
         * @throws IllegalArgumentException for an unknown label
         */
        public static Observed parse(String text) {
            return switch (text) {
                case "residual" -> RESIDUAL;
                case "norm" -> NORM;
                default -> throw new IllegalArgumentException("--observe must be residual or norm, got '" + text
                        + "'");
            };
        }
    }

    /** fixed_point, periodic, aperiodic or diverged. */
    public String status() {
        return diverged ? "diverged" : period == 1 ? "fixed_point" : period > 1 ? "periodic" : "aperiodic";
    }
}
