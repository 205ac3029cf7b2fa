package eoslab.measure;

import eoslab.dynamics.RunResult;
import eoslab.gradientflow.GfsSharpness;
import eoslab.model.State;
import eoslab.sharpness.Sharpness;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary of one GD run on a deep linear or diagonal network, as the insertion-ordered map that {@code run --json}
 * prints and sweeps write as rows: the keys every model shares (outcome, steps, loss, L* and the gap, the residual
 * √(2(L − L*)), ‖θ‖² and per-block norms, the imbalance, the sharpness with its error bar and the top k eigenvalues,
 * the GF-solution sharpness, the edge 2/η, the largest loss, the observed rate, the regime), then the model's own.
 * A value that does not apply is null, never NaN.
 */
public final class ModelSummary {
    private ModelSummary() {
    }

    /**
     * What a summary is made of.
     *
     * @param result      the run
     * @param family      the model's family
     * @param eta         the step
     * @param etaRel      the relative step (null when unknown)
     * @param blockNorms  ‖block‖² of the last iterate, keyed {@code norm_<name>}
     * @param imbalance   the imbalance of the last iterate
     * @param imbalance0  the imbalance of the start
     * @param sharpness   the sharpness track
     * @param gfs         the GF-solution sharpness of the start, or null
     * @param gfsTrack    the GF-solution sharpness along the run, or null
     * @param edge        the method's stability edge (2/η)
     * @param flattest    the smallest sharpness of any global minimum where it is known (the scalar chain), or NaN
     * @param facts       the model's own entries
     */
    public record Parts(RunResult<State> result, String family, double eta, Double etaRel,
                        Map<String, Object> blockNorms, double imbalance, double imbalance0, SharpnessTrack sharpness,
                        GfsSharpness gfs, GfsTrack gfsTrack, double edge, double flattest, Map<String, Object> facts) {
    }

    /** The summary. */
    public static Map<String, Object> of(Parts p) {
        State last = p.result().last();
        Sharpness s = p.sharpness().last();
        Sharpness s0 = p.sharpness().initial();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", p.result().outcome().label());
        m.put("steps", p.result().endStep());
        m.put("model", p.family());
        m.put("eta", p.eta());
        m.put("eta_rel", p.etaRel());
        m.put("loss", last.loss());
        m.put("min_loss", last.minimumLoss());
        m.put("loss_gap", GdSummary.finiteOrNull(last.loss() - last.minimumLoss()));
        m.put("residual", last.residualNorm());
        m.put("norm", last.normSquared());
        m.putAll(p.blockNorms());
        m.put("imbalance", GdSummary.finiteOrNull(p.imbalance()));
        m.put("initial_imbalance", GdSummary.finiteOrNull(p.imbalance0()));
        m.put("sharpness", s.value());
        m.put("sharpness_residual", s.errorBound(0));
        m.put("sharpness_method", s.method());
        m.put("top_k", s.eigenvalues());
        m.put("initial_sharpness", s0.value());
        m.put("max_sharpness", p.sharpness().max());
        m.put("first_step_above_edge", p.sharpness().firstStepAboveEdge().isPresent()
                ? p.sharpness().firstStepAboveEdge().getAsLong() : null);
        m.put("sharpness_samples", p.sharpness().samples());
        double gfs = p.gfs() == null ? Double.NaN : p.gfs().value();
        m.put("gfs_sharpness", GdSummary.finiteOrNull(gfs));
        m.put("gfs_sharpness_residual", p.gfs() == null ? null : p.gfs().errorBound());
        GfsTrack t = p.gfsTrack();
        m.put("gfs_sharpness_final", t == null || t.last() == null ? null : t.last().value());
        m.put("gfs_increases", t == null ? null : t.increases());
        m.put("gfs_max_increase", t == null ? null : t.maxIncrease());
        m.put("sharpness_ratio", GdSummary.finiteOrNull(s.value() / gfs));
        m.put("edge_threshold", p.edge());
        m.put("max_loss", p.result().maxLoss());
        m.put("rate_observed", GdSummary.finiteOrNull(p.result().rateObserved()));
        m.put("regime", regime(p.eta(), gfs, p.flattest()));
        m.putAll(p.facts());
        return m;
    }

    /**
     * {@code stable} when ηλ_GF &lt; 2 (the GF solution is a stable fixed point of GD), {@code beyond} when 2/η lies
     * below the flattest minimum's sharpness (no minimum is stable), else {@code edge}; null without λ_GF.
     */
    public static String regime(double eta, double gfSharpness, double flattest) {
        if (!Double.isNaN(flattest) && eta * flattest >= 2) {
            return "beyond";
        }
        if (!Double.isFinite(gfSharpness)) {
            return null;
        }
        return eta * gfSharpness < 2 ? "stable" : "edge";
    }
}
