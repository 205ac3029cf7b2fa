package eoslab.service;

import eoslab.dynamics.StopRule;
import eoslab.gradientflow.GradientFlow;
import eoslab.gradientflow.GradientFlowResult;
import eoslab.gradientflow.GradientFlowSpec;
import eoslab.io.CsvRows;
import eoslab.measure.ModelFlowSummary;
import eoslab.model.Model;
import eoslab.model.linear.ScalarChain;
import eoslab.sharpness.Sharpness;
import eoslab.spec.FlowRunSpec;
import eoslab.spec.SharpnessSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient flow of a deep linear or diagonal network: Hipparchus DP853 on θ̇ = −∇L(θ) until L − L* ≤ τ²/2 or a time
 * limit ({@code ode}), or the scalar chain's limit in closed form ({@code exact}); the conserved quantities' drift; the
 * sharpness at the end point.
 */
public final class ModelFlowService {
    /** The columns of the sampled trajectory. */
    public static final List<String> COLUMNS = List.of("time", "loss", "residual", "norm", "imbalance");

    private ModelFlowService() {
    }

    /**
     * A flow resolved from its specification, not yet solved.
     *
     * @param spec     the specification
     * @param problem  the model and start
     * @param tMax     the time limit (the given one, or the default {@link ModelRuns#FLOW_TIME_SCALE}/S₀)
     * @param stop     whether the flow stops at the tolerance (no time limit given)
     * @param tol      the absolute residual tolerance (a relative one resolved against {@link ModelRuns#residualScale})
     */
    public record FlowPlan(FlowRunSpec spec, ModelProblem problem, double tMax, boolean stop, double tol) {
        /** The resolved parameters, for manifests. */
        public Map<String, Object> parameters() {
            Map<String, Object> p = problem.describe();
            p.put("method", spec.solver());
            p.put("t_max", spec.solver().equals("exact") ? null : tMax);
            p.put("tol", tol);
            if (spec.tolRelative()) {
                p.put("tol_rel", spec.tol());
            }
            if (spec.solver().equals("ode")) {
                p.put("rtol", spec.rtol());
                p.put("atol", spec.atol());
            }
            p.put("sharpness", spec.sharpness().describe());
            return p;
        }
    }

    /**
     * A solved flow.
     *
     * @param plan    what was solved
     * @param theta   the end point (the limit for {@code exact})
     * @param summary the summary
     */
    public record FlowReport(FlowPlan plan, double[] theta, Map<String, Object> summary) {
        /** Copies. */
        public FlowReport {
            theta = theta.clone();
        }

        @Override
        public double[] theta() {
            return theta.clone();
        }
    }

    /**
     * Resolves a flow specification.
     *
     * @throws IllegalArgumentException for {@code exact} on a network without a closed-form flow, and as
     *                                  {@link ModelRuns#resolve(eoslab.spec.ModelSpec, eoslab.spec.StartSpec)}
     */
    public static FlowPlan plan(FlowRunSpec spec) {
        ModelProblem problem = ModelRuns.resolve(spec.model(), spec.start());
        if (spec.solver().equals("exact") && problem.chain() == null) {
            throw new IllegalArgumentException("--method exact: this network's gradient flow has no closed form (the "
                    + "depth-D scalar chain has); use --method ode");
        }
        double tol = spec.tolRelative() ? spec.tol() * ModelRuns.residualScale(problem.model()) : spec.tol();
        double tMax = spec.tMax() != null ? spec.tMax()
                : ModelRuns.flowTimeLimit(spec.sharpness(), problem, new StopRule(0, tol));
        return new FlowPlan(spec, problem, tMax, spec.tMax() == null, tol);
    }

    /** Solves a planned flow, writing its samples (every dt, default T/1000) onto {@code csv} when not null. */
    public static FlowReport solve(FlowPlan plan, Appendable csv) {
        FlowRunSpec spec = plan.spec();
        ModelProblem problem = plan.problem();
        Model model = problem.model().copy();
        double[] theta0 = problem.start();
        SharpnessSpec sharp = spec.sharpness();
        if (spec.solver().equals("exact")) {
            if (csv != null) {
                throw new IllegalArgumentException("--method exact gives the limit only; use --method ode for --out");
            }
            ScalarChain.Limit limit = problem.chain().gradientFlowLimit(theta0);
            double[] w = limit.w();
            Sharpness s = Sharpnesses.create(sharp, problem, plan.tol()).estimate(model, w);
            Map<String, Object> facts = new LinkedHashMap<>(problem.facts(model, w));
            facts.put("w", w);
            Map<String, Object> summary = ModelFlowSummary.of(new ModelFlowSummary.Parts(
                    limit.saddle() ? "saddle" : "converged", "exact", null, null, model.loss(w), model.minimumLoss(),
                    norm(w), problem.blockNorms(w), model.imbalance(w), model.imbalance(theta0), null, null, s, null,
                    facts));
            return new FlowReport(plan, w, summary);
        }
        GradientFlowSpec flow = new GradientFlowSpec(plan.tol(), plan.tMax(), spec.rtol(), spec.atol(), new double[0],
                plan.stop(), GradientFlowSpec.DEFAULT_MAX_EVALUATIONS);
        if (csv != null) {
            double horizon = plan.tMax();
            if (plan.stop()) {
                GradientFlowResult first = GradientFlow.solve(model, theta0, flow);
                horizon = first.reachedTolerance() ? 1.5 * first.timeToTolerance().getAsDouble() : plan.tMax();
                if (!(horizon > 0)) {
                    horizon = plan.tMax();
                }
                flow = new GradientFlowSpec(plan.tol(), horizon, spec.rtol(), spec.atol(), new double[0], false,
                        GradientFlowSpec.DEFAULT_MAX_EVALUATIONS);
            }
            double dt = spec.dt() != null ? spec.dt() : horizon / 1000;
            long count = (long) Math.floor(horizon / dt + 1e-9) + 1;
            if (count > 10_000_000L) {
                throw new IllegalArgumentException("--dt " + dt + " gives " + count + " samples; at most 1e7");
            }
            double[] times = new double[(int) count];
            for (int i = 0; i < times.length; i++) {
                times[i] = Math.min(horizon, i * dt);
            }
            flow = flow.withSamples(times);
        }
        GradientFlowResult r = GradientFlow.solve(model, theta0, flow);
        if (csv != null) {
            CsvRows rows = CsvRows.withHeader(csv, COLUMNS);
            for (GradientFlowResult.Sample sample : r.samples()) {
                double[] t = sample.theta();
                rows.row(sample.time(), sample.loss(), Math.sqrt(Math.max(0, 2 * (sample.loss()
                        - model.minimumLoss()))), norm(t), model.imbalance(t));
            }
            rows.flush();
        }
        double[] end = r.theta();
        Sharpness s = Sharpnesses.create(sharp, problem, plan.tol()).estimate(model, end);
        Map<String, Object> summary = ModelFlowSummary.of(new ModelFlowSummary.Parts(
                r.reachedTolerance() ? "converged" : "max_time", "ode",
                r.reachedTolerance() ? r.timeToTolerance().getAsDouble() : null, flow.tMax(), r.loss(),
                model.minimumLoss(), norm(end), problem.blockNorms(end), model.imbalance(end), model.imbalance(theta0),
                r.conservedDrift(), r.conservedDriftAbsolute(), s, r.gradientEvaluations(),
                problem.facts(model, end)));
        return new FlowReport(plan, end, summary);
    }

    static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }
}
