package eoslab.dynamics;

/**
 * Receives the iterates of a GD run (after Hipparchus' {@code ODEStepHandler}). All hooks default to no-ops. The
 * {@link Iterate} passed is live: read it during the call, copy it with {@link Snapshot#of} to keep it.
 */
public interface StepObserver {
    /** Called once with the initial point (step 0). */
    default void start(GdStepper stepper) {
    }

    /** Called after each accepted step k ≥ 1. */
    default void step(long k, Iterate it) {
    }

    /** Called once at the end with the last accepted step and the outcome. */
    default void finish(long k, Iterate it, Outcome outcome) {
    }
}
