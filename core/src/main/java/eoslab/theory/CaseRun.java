package eoslab.theory;

import eoslab.dynamics.GdResult;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.StopRule;
import eoslab.model.shallow.Quantities;

/**
 * One GD run of a check grid, with what the claims judge it by.
 *
 * @param start  Φ and the initialization
 * @param eta    the step size η
 * @param rule   the stop rule it ran with
 * @param result the run
 * @param trace  per-step measurements
 * @param bound  the claim-1 rate for this case
 */
public record CaseRun(GridPoint start, double eta, StopRule rule, GdResult result, ClaimTrace trace, RateBound bound) {

    /** Φ. */
    public double phi() {
        return start.phi();
    }

    /** True when GD converged. */
    public boolean converged() {
        return result.outcome() == Outcome.CONVERGED;
    }

    /** Q₀. */
    public double imbalance0() {
        return result.initial().imbalance();
    }

    /** Q_T at the last iterate. */
    public double imbalanceEnd() {
        return result.last().imbalance();
    }

    /** λ_GF = √(4Φ² + Q₀²). */
    public double gfSharpness() {
        return result.initial().gfSharpness();
    }

    /**
     * λ∞ = √(4Φ² + Q_T²): the norm and sharpness of the minimum GD lands on (model.md §7), evaluated at the last
     * iterate, where Q has stopped moving to within η²Σ_{t≥T}ε_t².
     */
    public double limitSharpness() {
        return Quantities.gfSharpness(phi(), imbalanceEnd());
    }

    /** The exact command that reruns this case. */
    public String command() {
        return command(rule.maxSteps());
    }

    /** The exact command that reruns this case for at most the given number of steps. */
    public String command(long steps) {
        return "./eoslab run " + start.options() + " --eta " + eta + " --steps " + steps + " --tol " + rule.tol()
                + " --json";
    }
}
