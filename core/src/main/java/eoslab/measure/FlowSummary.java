package eoslab.measure;

import eoslab.flow.FlowSolution;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.VectorPoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary of a gradient-flow solution, as printed by {@code flow --json}. {@code outcome} is "saddle" when the
 * start lies on the measure-zero sets of docs/model.md §5, from which the flow ends at the saddle a = b = 0 (then
 * {@code sharpness} is the saddle's, |Φ|, and {@code gf_sharpness}, the sharpness of a minimum the flow never reaches,
 * is null); else "converged" when |ε| reaches the tolerance (at any time for the exact flow, within t-max for the
 * ODE), else "max_time".
 */
public final class FlowSummary {
    /** Widths up to which the limit vectors are included. */
    public static final int MAX_WIDTH_LISTED = 100;

    private FlowSummary() {
    }

    /**
     * Summarizes a solution.
     *
     * @param solution       the flow
     * @param reachesMinimum whether the flow from this start reaches a global minimum (false on the saddle sets)
     * @param gfSharpness    λ_GF of the initialization
     * @param tMax        the sampled horizon
     * @param withPoint   include the limit vectors {@code a} and {@code b} (widths up to {@link #MAX_WIDTH_LISTED})
     */
    public static Map<String, Object> of(FlowSolution solution, boolean reachesMinimum, double gfSharpness, double tMax,
                                         boolean withPoint) {
        ShallowSnapshot lim = solution.limit();
        boolean exact = Double.isInfinite(solution.limitTime());
        String outcome = !reachesMinimum ? "saddle" : solution.timeToTol().isPresent() ? "converged" : "max_time";
        VectorPoint p = solution.limitPoint();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", outcome);
        m.put("method", solution.method());
        m.put("phi", lim.phi());
        m.put("width", p.width());
        m.put("time_to_tol", solution.timeToTol().isPresent() ? solution.timeToTol().getAsDouble() : null);
        m.put("t_max", tMax);
        m.put("limit_time", exact ? "infinity" : solution.limitTime());
        m.put("loss", lim.loss());
        m.put("residual", lim.residual());
        m.put("product", lim.product());
        m.put("norm", lim.norm());
        m.put("imbalance", lim.imbalance());
        m.put("sharpness", lim.sharpness());
        m.put("gf_sharpness", reachesMinimum ? gfSharpness : null);
        if (withPoint && p.width() <= MAX_WIDTH_LISTED) {
            m.put("a", p.a());
            m.put("b", p.b());
        }
        return m;
    }
}
