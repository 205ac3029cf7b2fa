package eoslab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model and a start, as given: the part of a run that grids of step sizes share.
 *
 * @param model the model
 * @param start the initialization
 */
public record ProblemSpec(ModelSpec model, StartSpec start) {
    /** The shallow model on target Φ from the given start. */
    public static ProblemSpec of(double phi, StartSpec start) {
        return new ProblemSpec(ModelSpec.Shallow.ofPhi(phi), start);
    }

    /** The target Φ (NaN when a data set gives it). */
    public double phi() {
        return ((ModelSpec.Shallow) model).phi();
    }

    /** The run of this problem with the given step and settings. */
    public RunSpec run(EtaSpec eta, RunSettings settings) {
        return settings.run(model, start, eta);
    }

    /** The problem's parameters, for manifests: the model's and the initialization's, in one flat map. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>(model.describe());
        m.remove("family");
        m.putAll(start.describe());
        return m;
    }

    /** The options that recreate it. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(model.toArgs());
        args.addAll(start.toArgs());
        return args;
    }
}
