package eoslab.service;

import eoslab.dynamics.StopRule;
import eoslab.gradientflow.GfsSharpness;
import eoslab.method.Method;
import eoslab.spec.EtaSpec;
import eoslab.spec.RunSpec;
import java.util.Map;

/**
 * A run of a deep linear or diagonal network resolved once: its problem and start, the step η, and the GF-solution
 * sharpness of the start λ_GF (which {@code --eta-rel} is relative to). Immutable.
 *
 * @param spec          the specification as given
 * @param problem       the resolved model and start
 * @param eta           the step η
 * @param gfs           the GF-solution sharpness of the start, or null (not computed with {@code --no-gfs}, or the
 *                      flow did not reach the tolerance within its time limit)
 * @param gfsTolerance  the residual tolerance of every GF-solution sharpness of this run
 * @param flowTimeLimit the time limit of every gradient flow of this run
 * @param stop          the stop rule with an absolute tolerance (a relative one resolved against
 *                      {@link ModelRuns#residualScale} and raised to {@link ModelRuns#resolution})
 */
public record ModelRun(RunSpec spec, ModelProblem problem, double eta, GfsSharpness gfs, double gfsTolerance,
                       double flowTimeLimit, StopRule stop) {

    /** The smallest residual √(2(L − L*)) this run's double arithmetic resolves ({@link ModelRuns#resolution}). */
    public double resolution() {
        return ModelRuns.resolution(problem.model());
    }

    /** True when the tolerance is positive but below {@link #resolution()}: the run may never reach it. */
    public boolean toleranceBelowResolution() {
        return stop.tol() > 0 && stop.tol() < resolution();
    }

    /** The method with its resolved step. */
    public Method method() {
        return spec.method().method(eta);
    }

    /** λ_GF, or NaN when unknown. */
    public double gfSharpness() {
        return gfs == null ? Double.NaN : gfs.value();
    }

    /** The relative step c = ηλ_GF/2: as given for a relative step, else computed (null when unknown). */
    public Double etaRel() {
        if (spec.eta() instanceof EtaSpec.Relative r) {
            return r.value();
        }
        double c = eta * gfSharpness() / 2;
        return Double.isFinite(c) ? c : null;
    }

    /** The resolved parameters, for manifests. */
    public Map<String, Object> parameters() {
        Map<String, Object> p = problem.describe();
        p.put("eta", eta);
        p.put("steps", spec.stop().maxSteps());
        p.put("tol", stop.tol());
        if (spec.stop().relative()) {
            p.put("tol_rel", spec.stop().tol());
        }
        p.put("engine", "vector");
        p.put("sharpness", spec.sharpness().describe());
        return p;
    }
}
