package eoslab.dynamics;

import java.util.Locale;

/**
 * The fate of one GD run within its step budget, as drawn in phase maps. The ordinal is the code written to
 * {@code .npy} and CSV files.
 */
public enum CellClass {
    /** |ε| reached the tolerance (with the step). */
    CONVERGED,
    /** The norm exceeded the divergence bound or overflowed (with the step). */
    DIVERGED,
    /** Bounded and not converged; the orbit repeats with a period 2 ≤ p ≤ {@link Periodicity#MAX_PERIOD}. */
    PERIODIC,
    /** Bounded and not converged, with no period up to {@link Periodicity#MAX_PERIOD}. */
    APERIODIC,
    /**
     * Bounded and not converged, but settling: stationary, or a small oscillation still decaying (see
     * {@link Periodicity}); typically a run converging more slowly than the budget.
     */
    SLOW;

    /** The lower-case name used in CSV and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class with the given code. */
    public static CellClass of(int code) {
        return values()[code];
    }

    /** True for the classes of runs that stayed bounded without converging. */
    public boolean bounded() {
        return this == PERIODIC || this == APERIODIC || this == SLOW;
    }
}
