package eoslab.cli;

import eoslab.model.shallow.ScalarDataSet;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resolved problem and initialization: target Φ (given, or from a data set), the initial point and its provenance.
 *
 * @param phi      the target Φ
 * @param init     the initialization form
 * @param point    the initial point
 * @param data     the data set, or null when Φ was given directly
 * @param dataFile the data file as given, or null
 */
public record Setup(double phi, StartSpec init, VectorPoint point, ScalarDataSet data, String dataFile) {

    /** The step on the model for a step given by the user: unchanged, or scaled by σ² for a data set (model.md §8). */
    public double modelStep(double userStep) {
        return data == null ? userStep : data.modelStep(userStep);
    }

    /** The user's step (on the data loss) for a step on the model. */
    public double userStep(double modelStep) {
        return data == null ? modelStep : modelStep / data.sigma2();
    }

    /** Adds the data-set fields to a GD summary with model step η: {@code eta_data} and {@code data_sigma2}. */
    public void annotate(Map<String, Object> summary, double eta) {
        if (data != null) {
            summary.put("eta_data", userStep(eta));
            summary.put("data_sigma2", data.sigma2());
        }
    }

    /** The parameters, for manifests. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("phi", phi);
        if (data != null) {
            m.put("data", dataFile);
            m.put("data_rows", data.n());
            m.put("data_sigma2", data.sigma2());
        }
        m.putAll(init.describe());
        return m;
    }
}
