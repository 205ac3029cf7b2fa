package eoslab.dynamics;

import java.util.Locale;

/** How a run ended. */
public enum Outcome {
    /** |ε| reached the tolerance. */
    CONVERGED,
    /** The norm would have exceeded {@link Stepper#DIVERGENCE_NORM} (or overflowed) at the reported step. */
    DIVERGED,
    /** The step budget ran out first. */
    MAX_STEPS;

    /** The lower-case name used in JSON and CSV. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
