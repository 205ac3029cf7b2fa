package eoslab.measure;

import eoslab.dynamics.CellClass;
import java.util.Locale;

/**
 * The attractor of one GD run of a bifurcation diagram: the kept iterates of the observed quantity, the orbit's class
 * by the rule of phase maps (with the transient as the step budget: {@link CellClass}), its period and its Lyapunov
 * exponents with their statistical errors.
 *
 * @param eta            step size on the model
 * @param values         the kept iterates (fewer if the run diverged)
 * @param status         converged (|ε| met the tolerance within the transient), diverged, periodic, aperiodic or slow
 * @param step           the converged step or the divergent step, else 0
 * @param period         the period (1: converged or slow, a fixed point or settling onto one; 2…64; 0: aperiodic or
 *                       diverged)
 * @param lyapunov       λ₁ over the kept iterates (NaN if diverged)
 * @param lyapunovError  the standard error of λ₁ from batch means (NaN when undefined)
 * @param lyapunov2      λ₂
 * @param lyapunov2Error the standard error of λ₂
 */
public record Orbit(double eta, double[] values, CellClass status, long step, int period, double lyapunov,
                    double lyapunovError, double lyapunov2, double lyapunov2Error) {

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

    /** True when the run diverged. */
    public boolean diverged() {
        return status == CellClass.DIVERGED;
    }
}
