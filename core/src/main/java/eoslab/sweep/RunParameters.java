package eoslab.sweep;

import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of one GD run of a grid: the step (absolute η, or relative c with η = c·2/λ_GF), the target Φ and
 * the initialization. Resolves to exactly the step and point that {@code eoslab run} computes from the same options.
 *
 * @param eta    absolute step, or null
 * @param etaRel relative step, or null (exactly one is set)
 * @param phi    target Φ
 * @param init   initialization
 */
public record RunParameters(Double eta, Double etaRel, double phi, StartSpec init) {

    /** Validates that exactly one step form is set. */
    public RunParameters {
        if ((eta == null) == (etaRel == null)) {
            throw new IllegalArgumentException("give exactly one of eta and eta-rel");
        }
    }

    /** The landmarks of the initial point. */
    public Landmarks landmarks(VectorPoint point) {
        return Landmarks.of(phi, point.imbalance());
    }

    /** The absolute step on the model for the given initial point. */
    public double modelStep(VectorPoint point) {
        return eta != null ? eta : landmarks(point).absoluteStep(etaRel);
    }

    /**
     * The row columns that identify this run beyond the {@code run} summary: the relative step as set
     * ({@code eta_rel_set}, for relative sweeps: the summary's {@code eta_rel} is recomputed from η and may differ in
     * the last bit) and the initialization's own parameters.
     */
    public Map<String, Object> columns() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (etaRel != null) {
            m.put("eta_rel_set", etaRel);
        }
        Map<String, Object> d = init.describe();
        if (init instanceof StartSpec.Canonical) {
            m.put("m0", d.get("m0"));
            m.put("lambda0", d.get("lambda0"));
        } else if (init instanceof StartSpec.Gaussian) {
            m.put("scale", d.get("scale"));
            m.put("scale_b", d.get("scale_b"));
            m.put("seed", d.get("seed"));
        }
        return m;
    }
}
