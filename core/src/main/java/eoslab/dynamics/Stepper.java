package eoslab.dynamics;

import eoslab.method.Method;
import eoslab.model.Model;
import eoslab.model.State;

/**
 * One method advancing one model's parameters in place, one iteration at a time, behind which every engine sits
 * (the shallow model's exact reduced map, its fused vector pass, its decimal recursion, and the generic engine of
 * any model). Implementations allocate nothing in {@link #step()}.
 *
 * @param <S> the kind of state it exposes
 */
public interface Stepper<S extends State> {
    /**
     * Bound on ‖θ‖² above which a run counts as diverged. A step that would take ‖θ‖² past it, or produce a
     * non-finite number, is refused: the state stays at the last finite iterate.
     */
    double DIVERGENCE_NORM = 1e100;

    /** The loss being trained. */
    Model model();

    /** The method and its schedule. */
    Method method();

    /** The current state, a live view valid until the next {@link #step()}. */
    S state();

    /** An immutable copy of the current state. */
    S snapshot();

    /**
     * Advances one iteration.
     *
     * @return false, leaving the state unchanged, if the step would exceed {@link #DIVERGENCE_NORM} or overflow
     */
    boolean step();

    /**
     * Whether a run may count as converged at iteration k once its residual meets the tolerance (checked only then):
     * always, unless the schedule says otherwise ({@link eoslab.method.Schedule#convergenceFrom()}: a warm-up's run is
     * judged at its target step, on a minimum that step holds).
     */
    default boolean mayStop(long k) {
        return true;
    }

    /**
     * Writes the current parameters θ into {@code out}.
     *
     * @param out length {@code model().dimension()} (modified)
     */
    void theta(double[] out);
}
