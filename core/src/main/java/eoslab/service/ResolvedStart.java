package eoslab.service;

import eoslab.dynamics.Precision;
import eoslab.dynamics.StopRule;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ScalarDataSet;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.ModelSpec;
import eoslab.spec.StartSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A problem and a start resolved once: the model (Φ given, or from a data set), the initial point and its landmarks.
 * Immutable.
 *
 * @param modelSpec the model as given
 * @param startSpec the initialization as given
 * @param model     the model
 * @param point     the initial point
 * @param data      the data set, or null when Φ was given
 * @param landmarks the landmarks of the start (λ_GF, 2/λ_GF, 1/|Φ|)
 */
public record ResolvedStart(ModelSpec modelSpec, StartSpec startSpec, ShallowModel model, VectorPoint point,
                            ScalarDataSet data, Landmarks landmarks) {

    /** Φ. */
    public double phi() {
        return model.phi();
    }

    /**
     * A stop rule in absolute terms for this start: a relative tolerance times the residual scale
     * ({@link Landmarks#residualScale()}: |Φ|, or λ₀ at Φ = 0), an absolute one as given.
     */
    public StopRule stop(StopRule given) {
        return given.absolute(landmarks.residualScale());
    }

    /**
     * The smallest residual that runs from this start resolve in the given arithmetic: {@link
     * Landmarks#doubleResolution()} in double precision, 10^−N·max(|Φ|, λ₀, λ_GF) in N-digit decimal arithmetic.
     */
    public double resolution(Precision precision) {
        if (!precision.decimal()) {
            return landmarks.doubleResolution();
        }
        double size = Math.max(Math.abs(phi()), Math.max(landmarks.norm0(), landmarks.gfSharpness()));
        return size * Math.pow(10, -precision.digits());
    }

    /** True when the given rule's tolerance, for this start, is positive but below {@link #resolution}. */
    public boolean belowResolution(StopRule given, Precision precision) {
        double tol = stop(given).tol();
        return tol > 0 && tol < resolution(precision);
    }

    /** The problem and start, for manifests: Φ, the data set (file, rows, σ²) and the initialization. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phi", phi());
        if (data != null) {
            m.put("data", ((ModelSpec.Shallow) modelSpec).data());
            m.put("data_rows", data.n());
            m.put("data_sigma2", data.sigma2());
        }
        m.putAll(startSpec.describe());
        return m;
    }
}
