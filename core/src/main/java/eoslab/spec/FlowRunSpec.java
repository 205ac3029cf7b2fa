package eoslab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One gradient-flow computation, as the user gave it: the model, the start, the solver ({@code exact}: the closed form;
 * {@code ode}: numerical integration with tolerances rtol, atol), the sampled horizon and interval (null: the
 * defaults of {@link eoslab.flow.FlowSpec#defaultHorizon}), and the tolerance that defines the time to converge
 * (absolute, or relative to the residual scale |Φ|, λ₀ at Φ = 0, as for GD).
 *
 * @param model  the model
 * @param start  the initialization
 * @param solver {@code exact} or {@code ode}
 * @param tMax   end of the sampled trajectory, or null for the default
 * @param dt     sampling interval, or null for tMax/1000
 * @param tol    residual tolerance of {@code time_to_tol} (&gt; 0)
 * @param tolRelative whether tol is relative to the residual scale
 * @param rtol   ODE relative tolerance
 * @param atol   ODE absolute tolerance
 * @param sharpness the estimator and number of top eigenvalues of the limit's Hessian (deep linear and diagonal
 *                  networks; the sampling intervals are not used)
 */
public record FlowRunSpec(ModelSpec model, StartSpec start, String solver, Double tMax, Double dt, double tol,
                          boolean tolRelative, double rtol, double atol, SharpnessSpec sharpness) {
    /** Validates the solver name and the tolerances. */
    public FlowRunSpec {
        if (!solver.equals("exact") && !solver.equals("ode")) {
            throw new IllegalArgumentException("--method must be exact or ode, got '" + solver + "'");
        }
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException((tolRelative ? "--tol-rel" : "--tol")
                    + " must be a finite positive number, got " + tol);
        }
        if (!(rtol > 0) || Double.isInfinite(rtol) || !(atol > 0) || Double.isInfinite(atol)) {
            throw new IllegalArgumentException("ODE tolerances must be finite and positive, got --rtol " + rtol
                    + " --atol " + atol);
        }
        if (sharpness == null) {
            throw new IllegalArgumentException("a flow specification needs sharpness settings");
        }
    }

    /** A flow with the default sharpness settings. */
    public FlowRunSpec(ModelSpec model, StartSpec start, String solver, Double tMax, Double dt, double tol,
                       boolean tolRelative, double rtol, double atol) {
        this(model, start, solver, tMax, dt, tol, tolRelative, rtol, atol, SharpnessSpec.DEFAULT);
    }

    /** The JSON form. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model.describe());
        m.put("start", start.describe());
        m.put("solver", solver);
        m.put("t_max", tMax);
        m.put("dt", dt);
        m.put(tolRelative ? "tol_rel" : "tol", tol);
        m.put("rtol", rtol);
        m.put("atol", atol);
        if (!sharpness.equals(SharpnessSpec.DEFAULT)) {
            m.put("sharpness", sharpness.describe());
        }
        return m;
    }

    /** Reads the form written by {@link #describe()}. */
    public static FlowRunSpec parse(Object tree) {
        Fields f = Fields.of(tree, "spec");
        if (f.has("tol") == f.has("tol_rel")) {
            throw new IllegalArgumentException("spec must have exactly one of tol and tol_rel");
        }
        return new FlowRunSpec(ModelSpec.parse(f.require("model")), StartSpec.parse(f.require("start")),
                f.string("solver"), f.has("t_max") ? f.number("t_max") : null, f.has("dt") ? f.number("dt") : null,
                f.has("tol") ? f.number("tol") : f.number("tol_rel"), f.has("tol_rel"), f.number("rtol"),
                f.number("atol"), f.has("sharpness") ? SharpnessSpec.parse(f.require("sharpness"))
                        : SharpnessSpec.DEFAULT);
    }

    /** The options of the {@code eoslab flow} command that recomputes it. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>(model.toArgs());
        args.addAll(start.toArgs());
        args.addAll(List.of("--method", solver));
        if (tMax != null) {
            args.addAll(List.of("--t-max", Double.toString(tMax)));
        }
        if (dt != null) {
            args.addAll(List.of("--dt", Double.toString(dt)));
        }
        args.addAll(List.of(tolRelative ? "--tol-rel" : "--tol", Double.toString(tol)));
        if (solver.equals("ode")) {
            args.addAll(List.of("--rtol", Double.toString(rtol), "--atol", Double.toString(atol)));
        }
        if (!sharpness.method().equals(SharpnessSpec.DEFAULT.method())) {
            args.addAll(List.of("--sharpness", sharpness.method()));
        }
        if (sharpness.topK() != SharpnessSpec.DEFAULT.topK()) {
            args.addAll(List.of("--top-k", Integer.toString(sharpness.topK())));
        }
        return args;
    }
}
