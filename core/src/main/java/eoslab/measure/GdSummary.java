package eoslab.measure;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of one GD run, as the insertion-ordered map that {@code run --json} prints and sweeps write as CSV rows.
 * Keys are {@link #KEYS}; a value that does not apply (for instance {@code rate_asymptotic} of a run that did not
 * converge) is null, never NaN.
 */
public final class GdSummary {
    /** The summary keys, in order. */
    public static final List<String> KEYS = List.of("outcome", "steps", "eta", "eta_rel", "phi", "width", "loss",
            "residual", "product", "norm", "imbalance", "sharpness", "initial_sharpness", "gf_sharpness",
            "sharpness_ratio", "max_loss", "rate_asymptotic", "rate_observed", "regime");

    private GdSummary() {
    }

    /**
     * Summarizes a run.
     *
     * @param result    the run
     * @param eta       step size on the model
     * @param etaRel    the relative step as given, or computed (null when undefined)
     * @param width     width d
     * @param landmarks landmarks of the initialization
     */
    public static Map<String, Object> of(RunResult<ShallowState> result, double eta, Double etaRel, int width,
                                         Landmarks landmarks) {
        ShallowState last = result.last();
        ShallowState first = result.initial();
        boolean converged = result.outcome() == Outcome.CONVERGED;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", result.outcome().label());
        m.put("steps", result.endStep());
        m.put("eta", eta);
        m.put("eta_rel", etaRel);
        m.put("phi", landmarks.phi());
        m.put("width", width);
        m.put("loss", last.loss());
        m.put("residual", last.residual());
        m.put("product", last.product());
        m.put("norm", last.norm());
        m.put("imbalance", last.imbalance());
        m.put("sharpness", last.sharpness());
        m.put("initial_sharpness", first.sharpness());
        m.put("gf_sharpness", landmarks.gfSharpness());
        m.put("sharpness_ratio", finiteOrNull(last.sharpness() / landmarks.gfSharpness()));
        m.put("max_loss", result.maxLoss());
        m.put("rate_asymptotic", converged ? Math.abs(1.0 - eta * last.norm()) : null);
        m.put("rate_observed", finiteOrNull(result.rateObserved()));
        m.put("regime", landmarks.regime(eta).label());
        return m;
    }

    /** x, or null when x is NaN or infinite. */
    public static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
