package eoslab.service;

import eoslab.dynamics.Engine;
import eoslab.dynamics.StopRule;
import eoslab.dynamics.shallow.DecimalStart;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.method.Method;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ScalarDataSet;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.EtaSpec;
import eoslab.spec.RunSpec;
import java.util.Map;

/**
 * A run specification resolved once: its problem and start, and the step η on the model (docs/model.md §8 scaling
 * applied for data sets, or c·2/λ_GF for a relative step). Immutable.
 *
 * @param spec    the specification as given
 * @param problem the resolved model and start
 * @param eta     the step η on the model (the schedule's nominal step)
 * @param method  the method with its schedule in model units
 */
public record ResolvedRun(RunSpec spec, ResolvedStart problem, double eta, Method method) {

    /** The model. */
    public ShallowModel model() {
        return problem.model();
    }

    /** The initial point. */
    public VectorPoint start() {
        return problem.point();
    }

    /** The data set, or null. */
    public ScalarDataSet data() {
        return problem.data();
    }

    /** The landmarks of the start. */
    public Landmarks landmarks() {
        return problem.landmarks();
    }

    /** Φ. */
    public double phi() {
        return problem.phi();
    }

    /**
     * The stop rule in absolute terms: a relative tolerance times the residual scale of the start
     * ({@link Landmarks#residualScale()}), an absolute one as given.
     */
    public StopRule stop() {
        return problem.stop(spec.stop());
    }

    /** The smallest residual the run's arithmetic resolves ({@link ResolvedStart#resolution}). */
    public double resolution() {
        return problem.resolution(spec.precision());
    }

    /** True when the tolerance is positive but below {@link #resolution()}: the run may never see |ε| ≤ tol. */
    public boolean toleranceBelowResolution() {
        return problem.belowResolution(spec.stop(), spec.precision());
    }

    /**
     * A fresh stepper at the start: the engine the factory picks for the requested engine and arithmetic; decimal
     * arithmetic starts from the decimal inputs the user typed ({@link DecimalInputs}), not their double roundings.
     */
    public ShallowStepper stepper() {
        DecimalStart exact = spec.precision().decimal() ? DecimalInputs.of(this, spec.precision().digits()) : null;
        return Engines.stepper(model(), method(), start(), exact, spec.engine(), spec.precision());
    }

    /** The engine that runs: {@code REDUCED} or {@code VECTOR}. */
    public Engine engine() {
        return Engines.resolve(spec.engine());
    }

    /** The relative step c = ηλ_GF/2: as given for a relative step, else computed (null when undefined). */
    public Double etaRel() {
        if (spec.eta() instanceof EtaSpec.Relative r) {
            return r.value();
        }
        double c = landmarks().relativeEta(eta);
        return Double.isFinite(c) ? c : null;
    }

    /**
     * The step relative to the convergence boundary, c = η/η*: as given for {@code --eta-crit}, else computed (null
     * when undefined).
     */
    public Double etaCrit() {
        if (spec.eta() instanceof EtaSpec.Critical c) {
            return c.value();
        }
        double c = landmarks().criticalRelativeEta(eta);
        return Double.isFinite(c) ? c : null;
    }

    /** The step on the data loss for a data set (η/σ²), else η. */
    public double dataEta() {
        return data() == null ? eta : eta / data().sigma2();
    }

    /**
     * The resolved parameters, for manifests: the start, η, the stop rule (the absolute tolerance, and the relative
     * one it came from), the engine that ran, and a method other than plain GD with a constant step as given.
     */
    public Map<String, Object> parameters() {
        Map<String, Object> p = problem.describe();
        p.put("eta", eta);
        p.put("steps", spec.stop().maxSteps());
        p.put("tol", stop().tol());
        if (spec.stop().relative()) {
            p.put("tol_rel", spec.stop().tol());
        }
        p.put("engine", engine().label());
        if (!spec.method().isPlainGd()) {
            p.put("method", spec.method().describe());
        }
        return p;
    }
}
