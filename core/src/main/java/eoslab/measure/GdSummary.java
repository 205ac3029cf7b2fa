package eoslab.measure;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.method.Method;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of one GD run, as the insertion-ordered map that {@code run --json} prints and sweeps write as CSV rows.
 * Keys are {@link #KEYS}; a value that does not apply (for instance {@code rate_asymptotic} of a run that did not
 * converge) is null, never NaN. The last four place the step against the start's exact convergence boundary η*
 * (models.md §1.1): η/η*, η*, which of its terms binds, and F₀ at this step (GD converges iff η|Φ| &lt; 1 and F₀ &lt; 0).
 */
public final class GdSummary {
    /** The summary keys, in order. */
    public static final List<String> KEYS = List.of("outcome", "steps", "eta", "eta_rel", "phi", "width", "loss",
            "residual", "product", "norm", "imbalance", "sharpness", "initial_sharpness", "gf_sharpness",
            "sharpness_ratio", "max_loss", "rate_asymptotic", "rate_observed", "regime", "eta_crit", "eta_critical",
            "critical_bound", "f0");

    private GdSummary() {
    }

    /**
     * Summarizes a run of the given method: {@code eta} is its nominal step, {@code rate_asymptotic} the method's
     * linear rate at the limit with the last step size, and {@code regime} uses the method's stability edge.
     *
     * @param result    the run
     * @param method    the method and its schedule, on the model
     * @param etaRel    the relative step as given, or computed (null when undefined)
     * @param etaCrit   the step relative to η*, as given or computed (null when undefined)
     * @param width     width d
     * @param landmarks landmarks of the initialization
     */
    public static Map<String, Object> of(RunResult<ShallowState> result, Method method, Double etaRel, Double etaCrit,
                                         int width, Landmarks landmarks) {
        double eta = method.schedule().nominal();
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
        m.put("rate_asymptotic", converged ? finiteOrNull(method.linearRate(lastEta(method, result), last.norm()))
                : null);
        m.put("rate_observed", finiteOrNull(result.rateObserved()));
        m.put("regime", landmarks.regime(eta, method.edgeFactor()).label());
        m.put("eta_crit", etaCrit);
        m.put("eta_critical", finiteOrNull(landmarks.criticalEta()));
        m.put("critical_bound", landmarks.criticalBound().label());
        m.put("f0", finiteOrNull(landmarks.f0(eta)));
        return m;
    }

    /** η of the last step taken (η_0 when none was taken): the step a minimum reached at the end is held by. */
    public static double lastEta(Method method, RunResult<ShallowState> result) {
        return method.eta(Math.max(0, result.endStep() - 1));
    }

    /** x, or null when x is NaN or infinite. */
    public static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
