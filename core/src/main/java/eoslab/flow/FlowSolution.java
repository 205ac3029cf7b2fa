package eoslab.flow;

import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.VectorPoint;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A solved gradient flow.
 *
 * @param method     "exact" or "ode"
 * @param samples    the sampled trajectory
 * @param timeToTol  first time |ε| ≤ tol, if reached (exact: at any time; ode: within tMax)
 * @param limit      the limit t → ∞ (exact), or the state at tMax (ode)
 * @param limitPoint the vectors of {@code limit}
 * @param limitTime  +∞ for the exact limit, tMax for the ODE
 */
public record FlowSolution(String method, List<FlowSample> samples, OptionalDouble timeToTol, ShallowSnapshot limit,
                           VectorPoint limitPoint, double limitTime) {
    /** Defensive copy of the samples. */
    public FlowSolution {
        samples = List.copyOf(samples);
    }
}
