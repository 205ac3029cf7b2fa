package eoslab.dynamics;

import eoslab.model.State;

/**
 * Receives the iterates of a run, in the shape of Hipparchus' {@code ODEStepHandler}: every hook defaults to doing
 * nothing. The state passed is live: read it during the call, or keep a copy.
 *
 * @param <S> the kind of state observed
 */
public interface StepObserver<S extends State> {
    /** Called once with the initial point (step 0). */
    default void start(S state) {
    }

    /** Called after each accepted step k ≥ 1. */
    default void step(long k, S state) {
    }

    /** Called once at the end with the last accepted step and the outcome. */
    default void finish(long k, S state, Outcome outcome) {
    }
}
