package eoslab.dynamics;

/**
 * The end of a GD run.
 *
 * @param outcome      converged, diverged or out of steps
 * @param steps        the last accepted step (for a divergence: the step that was refused is {@code steps + 1})
 * @param initial      the starting point
 * @param last         the last finite iterate
 * @param maxLoss      the largest loss along the run (the height of a catapult)
 * @param rateObserved per-step contraction of |ε| over the final {@link GdRunner#RATE_WINDOW} steps (or fewer)
 */
public record GdResult(Outcome outcome, long steps, Snapshot initial, Snapshot last, double maxLoss,
                       double rateObserved) {

    /** The step at which the run ended: the divergent step for a divergence, else {@link #steps()}. */
    public long endStep() {
        return outcome == Outcome.DIVERGED ? steps + 1 : steps;
    }
}
