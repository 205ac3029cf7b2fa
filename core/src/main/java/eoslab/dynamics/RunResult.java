package eoslab.dynamics;

import eoslab.model.State;

/**
 * The end of a run.
 *
 * @param outcome      converged, diverged or out of steps
 * @param steps        the last accepted step (for a divergence: the step that was refused is {@code steps + 1})
 * @param initial      the starting state
 * @param last         the last finite state
 * @param maxLoss      the largest loss along the run (the height of a catapult)
 * @param rateObserved per-step contraction of the residual norm over the final {@link Runner#RATE_WINDOW} steps (or
 *                     fewer)
 * @param <S>          the kind of state
 */
public record RunResult<S extends State>(Outcome outcome, long steps, S initial, S last, double maxLoss,
                                         double rateObserved) {

    /** The step at which the run ended: the divergent step for a divergence, else {@link #steps()}. */
    public long endStep() {
        return outcome == Outcome.DIVERGED ? steps + 1 : steps;
    }

    /** True when the run converged. */
    public boolean converged() {
        return outcome == Outcome.CONVERGED;
    }
}
