package eoslab.service;

import eoslab.dynamics.StepObserver;
import eoslab.dynamics.generic.VectorStepper;
import eoslab.gradientflow.GfsSharpness;
import eoslab.gradientflow.GradientFlow;
import eoslab.gradientflow.GradientFlowOde;
import eoslab.gradientflow.GradientFlowResult;
import eoslab.gradientflow.GradientFlowSpec;
import eoslab.io.CsvRows;
import eoslab.measure.ModelFlowSummary;
import eoslab.model.Model;
import eoslab.model.State;
import eoslab.sharpness.Sharpness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * GD against gradient flow from the same start for a deep linear or diagonal network, on one clock (GD step k ↔ GF
 * time ηk). First GD runs with its sharpness sampled every k steps (the first step whose sharpness exceeds the
 * method's stability edge); then GD is replayed, iterate by iterate, inside one DP853 integration of gradient flow to
 * time ηN, and the end-to-end maps (W = W_D ⋯ W_1, or β = u⊙u − v⊙v) are compared at every step k ≤ N at time ηk,
 * from the flow's continuous output. Nothing is stored per step.
 */
public final class ModelCompareService {
    /** The columns of the side-by-side trajectory. */
    public static final List<String> COLUMNS = List.of("step", "time", "gd_loss", "gd_residual", "gd_norm",
            "gd_imbalance", "gd_sharpness", "gf_loss", "gf_residual", "gf_norm", "gf_imbalance", "distance");

    private ModelCompareService() {
    }

    /**
     * Compares GD with GF.
     *
     * @param csv   where to write both trajectories side by side ({@link #COLUMNS}), or null
     * @param every keep every k-th step in the CSV (and always the first and the last)
     * @return {@code {"gd": summary, "gf": summary, "regularization_gain", "edge_threshold",
     *         "first_step_above_edge", "sharpness_every", "max_distance", "max_distance_step", "final_distance"}}
     */
    public static Map<String, Object> compare(ModelRun run, Appendable csv, long every) {
        return compare(run, csv, every, List.of());
    }

    /**
     * Compares GD with GF, GD's iterates also given to {@code observers} (a time limit, say).
     *
     * @see #compare(ModelRun, Appendable, long)
     */
    public static Map<String, Object> compare(ModelRun run, Appendable csv, long every,
                                              List<? extends StepObserver<? super State>> observers) {
        ModelProblem problem = run.problem();
        ModelRunReport gd = ModelRunService.run(run, null, every, observers, csv != null);
        Model model = problem.model().copy();
        double[] theta0 = problem.start();
        GfsSharpness gfs = run.gfs();
        GradientFlowResult flow = gfs != null && gfs.flow() != null ? gfs.flow()
                : GradientFlow.solve(model, theta0, GradientFlowSpec.toTolerance(run.gfsTolerance(),
                        run.flowTimeLimit()).withOdeTolerances(GfsComputer.REL_TOL, GfsComputer.ABS_TOL));
        double[] end = flow.theta();
        Sharpness atEnd = gfs != null && gfs.flow() != null ? gfs.sharpness()
                : Sharpnesses.create(run.spec().sharpness(), problem, run.stop().tol()).estimate(model, end);
        Map<String, Object> gf = ModelFlowSummary.of(new ModelFlowSummary.Parts(
                flow.reachedTolerance() ? "converged" : "max_time", "ode",
                flow.reachedTolerance() ? flow.timeToTolerance().getAsDouble() : null, run.flowTimeLimit(),
                flow.loss(), model.minimumLoss(), ModelFlowService.norm(end), problem.blockNorms(end),
                model.imbalance(end), model.imbalance(theta0), flow.conservedDrift(), flow.conservedDriftAbsolute(),
                atEnd, flow.gradientEvaluations(), problem.facts(model, end)));
        gf.put("gfs_sharpness", gfs == null ? null : gfs.value());
        Gap gap = new Gap(run, gd, csv, every);
        gap.run();
        Map<String, Object> cmp = new LinkedHashMap<>();
        cmp.put("gd", gd.summary());
        cmp.put("gf", gf);
        double limit = gd.sharpness().last().value();
        cmp.put("regularization_gain", gd.result().converged() && gfs != null ? 1.0 - limit / gfs.value() : null);
        cmp.put("edge_threshold", run.method().stabilityEdge(0));
        cmp.put("first_step_above_edge", gd.sharpness().firstStepAboveEdge().isPresent()
                ? gd.sharpness().firstStepAboveEdge().getAsLong() : null);
        cmp.put("sharpness_every", run.spec().sharpness().every());
        cmp.put("max_distance", gap.max);
        cmp.put("max_distance_step", gap.maxStep);
        cmp.put("final_distance", gap.last);
        return cmp;
    }

    /** The second pass: GD replayed inside the GF integration, the end-to-end maps compared at every step. */
    private static final class Gap {
        private final ModelRun run;
        private final ModelRunReport gd;
        private final long steps;
        private final double eta;
        private final Model gdModel;
        private final Model gfModel;
        private final VectorStepper stepper;
        private final double[] gdTheta;
        private final double[] gdMap;
        private final double[] gfMap;
        private final CsvRows rows;
        private final long every;
        private long k;
        private double max;
        private long maxStep;
        private double last;

        Gap(ModelRun run, ModelRunReport gd, Appendable csv, long every) {
            this.run = run;
            this.gd = gd;
            this.steps = gd.result().steps();
            this.eta = run.eta();
            ModelProblem p = run.problem();
            this.gdModel = p.model().copy();
            this.gfModel = p.model().copy();
            this.stepper = new VectorStepper(p.model().copy(), run.method(), p.start());
            this.gdTheta = new double[p.dimension()];
            this.gdMap = new double[p.endToEndSize()];
            this.gfMap = new double[p.endToEndSize()];
            this.rows = csv == null ? null : CsvRows.withHeader(csv, COLUMNS);
            this.every = every;
        }

        void run() {
            double[] theta0 = run.problem().start();
            compare(0, theta0);
            if (steps > 0) {
                DormandPrince853Integrator integrator = new DormandPrince853Integrator(0, eta * steps,
                        GfsComputer.ABS_TOL, GfsComputer.REL_TOL);
                integrator.setMaxEvaluations(GradientFlowSpec.DEFAULT_MAX_EVALUATIONS);
                integrator.addStepHandler(interpolator -> {
                    double end = interpolator.getCurrentState().getTime();
                    while (k < steps && eta * (k + 1) <= end) {
                        if (!stepper.step()) {
                            k = steps;
                            return;
                        }
                        k++;
                        ODEStateAndDerivative s = interpolator.getInterpolatedState(eta * k);
                        compare(k, s.getPrimaryState());
                    }
                });
                integrator.integrate(new GradientFlowOde(run.problem().model().copy()),
                        new ODEState(0.0, theta0), eta * steps);
            }
            if (rows != null) {
                rows.flush();
            }
        }

        private void compare(long step, double[] gfTheta) {
            stepper.theta(gdTheta);
            ModelProblem.endToEnd(gdModel, gdTheta, gdMap);
            ModelProblem.endToEnd(gfModel, gfTheta, gfMap);
            double s = 0;
            for (int i = 0; i < gdMap.length; i++) {
                double d = gdMap[i] - gfMap[i];
                s += d * d;
            }
            double dist = Math.sqrt(s);
            if (dist > max) {
                max = dist;
                maxStep = step;
            }
            last = dist;
            if (rows != null && (step % every == 0 || step == steps)) {
                double lStar = gdModel.minimumLoss();
                double gdLoss = stepper.loss();
                double gfLoss = gfModel.loss(gfTheta);
                rows.row(step, eta * step, gdLoss, stepper.residualNorm(), stepper.normSquared(),
                        gdModel.imbalance(gdTheta), gd.sharpness().valueAt(step), gfLoss,
                        Math.sqrt(Math.max(0, 2 * (gfLoss - lStar))), ModelFlowService.norm(gfTheta),
                        gfModel.imbalance(gfTheta), dist);
            }
        }
    }
}
