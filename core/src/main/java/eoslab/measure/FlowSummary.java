package eoslab.measure;

import eoslab.flow.FlowSolution;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.VectorPoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary of a gradient-flow solution, as printed by {@code flow --json}. {@code outcome} is "converged" when
 * |ε| reaches the tolerance (at any time for the exact flow, within t-max for the ODE), "saddle" when the exact limit
 * is not a global minimum (the measure-zero sets of docs/model.md §5), else "max_time".
 */
public final class FlowSummary {
    /** Widths up to which the limit vectors are included. */
    public static final int MAX_WIDTH_LISTED = 100;

    private FlowSummary() {
    }

    /**
     * Summarizes a solution.
     *
     * @param solution    the flow
     * @param gfSharpness λ_GF of the initialization
     * @param tMax        the sampled horizon
     * @param withPoint   include the limit vectors {@code a} and {@code b} (widths up to {@link #MAX_WIDTH_LISTED})
     */
    public static Map<String, Object> of(FlowSolution solution, double gfSharpness, double tMax, boolean withPoint) {
        ShallowSnapshot lim = solution.limit();
        boolean exact = Double.isInfinite(solution.limitTime());
        String outcome = solution.timeToTol().isPresent() ? "converged"
                : exact ? "saddle" : "max_time";
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
        m.put("gf_sharpness", gfSharpness);
        if (withPoint && p.width() <= MAX_WIDTH_LISTED) {
            m.put("a", p.a());
            m.put("b", p.b());
        }
        return m;
    }
}
