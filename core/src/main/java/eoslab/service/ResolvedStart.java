package eoslab.service;

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
