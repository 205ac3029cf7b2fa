package eoslab.dynamics;

import eoslab.model.shallow.VectorPoint;

/**
 * One gradient-type method advancing a point in place, one step at a time. The stepper is its own live
 * {@link Iterate}. Implementations allocate nothing in {@link #step()}.
 */
public interface GdStepper extends Iterate {
    /**
     * Norm bound λ above which a run counts as diverged. A step that would take λ past it, or produce a non-finite
     * number, is refused: the state stays at the last finite iterate.
     */
    double DIVERGENCE_NORM = 1e100;

    /** The step size η on the model. */
    double eta();

    /** The width d of the underlying vectors. */
    int width();

    /**
     * Advances one step.
     *
     * @return false, leaving the state unchanged, if the step would exceed {@link #DIVERGENCE_NORM} or overflow
     */
    boolean step();

    /** The current vectors (a fresh immutable copy). */
    VectorPoint point();
}
