package eoslab.measure;

import eoslab.sharpness.Sharpness;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary of a gradient flow of a deep linear or diagonal network ({@code flow --json}, and the GF side of
 * {@code compare}): how it ended, the end point's loss, L* and the gap, norms, imbalance, the drift of the conserved
 * quantities, and the sharpness there (the GF-solution sharpness when the flow reached the tolerance), then the
 * model's own entries. A value that does not apply is null.
 */
public final class ModelFlowSummary {
    private ModelFlowSummary() {
    }

    /**
     * What a flow summary is made of.
     *
     * @param outcome         {@code converged} (L − L* ≤ τ²/2 reached), {@code max_time} or {@code saddle}
     * @param method          {@code ode} or {@code exact}
     * @param timeToTol       the first time L − L* ≤ τ²/2, or null
     * @param tMax            the time limit, or null for the exact limit
     * @param loss            L at the end point
     * @param minLoss         L*
     * @param norm            ‖θ‖² at the end point
     * @param blockNorms      per-block norms at the end point
     * @param imbalance       the imbalance at the end point
     * @param imbalance0      the imbalance at the start
     * @param drift           the relative drift of the conserved quantities, or null
     * @param driftAbsolute   the absolute drift, or null
     * @param sharpness       the sharpness at the end point
     * @param evaluations     gradient evaluations, or null
     * @param facts           the model's own entries
     */
    public record Parts(String outcome, String method, Double timeToTol, Double tMax, double loss, double minLoss,
                        double norm, Map<String, Object> blockNorms, double imbalance, double imbalance0, Double drift,
                        Double driftAbsolute, Sharpness sharpness, Long evaluations, Map<String, Object> facts) {
    }

    /** The summary. */
    public static Map<String, Object> of(Parts p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", p.outcome());
        m.put("method", p.method());
        m.put("time_to_tol", p.timeToTol());
        m.put("t_max", p.tMax());
        m.put("loss", p.loss());
        m.put("min_loss", p.minLoss());
        m.put("loss_gap", GdSummary.finiteOrNull(p.loss() - p.minLoss()));
        m.put("residual", Math.sqrt(Math.max(0, 2 * (p.loss() - p.minLoss()))));
        m.put("norm", p.norm());
        m.putAll(p.blockNorms());
        m.put("imbalance", GdSummary.finiteOrNull(p.imbalance()));
        m.put("initial_imbalance", GdSummary.finiteOrNull(p.imbalance0()));
        m.put("conserved_drift", p.drift());
        m.put("conserved_drift_absolute", p.driftAbsolute());
        m.put("sharpness", p.sharpness().value());
        m.put("sharpness_residual", p.sharpness().errorBound(0));
        m.put("sharpness_method", p.sharpness().method());
        m.put("top_k", p.sharpness().eigenvalues());
        m.put("gradient_evaluations", p.evaluations());
        m.putAll(p.facts());
        return m;
    }
}
