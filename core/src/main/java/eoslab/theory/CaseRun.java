package eoslab.theory;

import eoslab.dynamics.RunResult;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.Quantities;
import eoslab.model.shallow.ShallowState;
import eoslab.service.ResolvedRun;
import eoslab.spec.EtaSpec;

/**
 * One GD run of a check grid, with what the claims judge it by.
 *
 * @param run    the resolved run
 * @param result how it ended
 * @param trace  per-step measurements
 * @param bound  the claim-1 rate for this case (null for the runs of a method check)
 */
public record CaseRun(ResolvedRun run, RunResult<ShallowState> result, ClaimTrace trace, RateBound bound) {

    /** Φ. */
    public double phi() {
        return run.phi();
    }

    /** The step η. */
    public double eta() {
        return run.eta();
    }

    /** The landmarks of the start. */
    public Landmarks landmarks() {
        return run.landmarks();
    }

    /** True when GD converged. */
    public boolean converged() {
        return result.converged();
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
     * λ∞ = √(4Φ² + Q_T²): the norm and sharpness of the minimum GD lands on (docs/model.md §7), evaluated at the last
     * iterate, where Q has stopped moving to within η²Σ_{t≥T}ε_t².
     */
    public double limitSharpness() {
        return Quantities.gfSharpness(phi(), imbalanceEnd());
    }

    /** The exact command that reruns this case (with its absolute step). */
    public String command() {
        return command(run.spec().stop().maxSteps());
    }

    /** The exact command that reruns this case for at most the given number of steps. */
    public String command(long steps) {
        return run.spec().withEta(new EtaSpec.Absolute(eta())).withStop(run.spec().stop().withMaxSteps(steps))
                .command() + " --json";
    }
}
