package eoslab.service;

import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StepObserver;
import eoslab.dynamics.generic.VectorStepper;
import eoslab.io.ModelTrajectoryCsv;
import eoslab.measure.GfsTrack;
import eoslab.measure.ModelSummary;
import eoslab.measure.SharpnessTrack;
import eoslab.method.Method;
import eoslab.model.Model;
import eoslab.model.State;
import eoslab.model.linear.ScalarChain;
import eoslab.spec.RunSpec;
import eoslab.spec.SharpnessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Runs gradient descent on a deep linear or diagonal network: the generic engine ({@link VectorStepper}: the method on
 * the flat parameter vector with the model's exact gradient), the sharpness sampled by {@link SharpnessTrack}, the
 * GF-solution sharpness by {@link GfsTrack} when asked, and the summary of {@link ModelSummary}.
 */
public final class ModelRunService {
    private ModelRunService() {
    }

    /** Resolves and runs a specification, without a trajectory file. */
    public static ModelRunReport run(RunSpec spec) {
        return run(ModelRuns.resolve(spec), null, 1, List.of(), false);
    }

    /**
     * Runs a resolved run.
     *
     * @param csv        where to write the trajectory ({@link ModelTrajectoryCsv}), or null
     * @param every      keep every k-th step in the trajectory
     * @param observers  further receivers of every iterate (after the tracks, before the trajectory)
     * @param keepSeries keep every sampled sharpness (for a later pass over the same run)
     */
    public static ModelRunReport run(ModelRun run, Appendable csv, long every,
                                     List<? extends StepObserver<? super State>> observers, boolean keepSeries) {
        long gfsEvery = run.spec().sharpness().gfsEvery();
        return run(run, csv, every, observers, keepSeries, gfsEvery > 0 ? k -> k % gfsEvery == 0 : null);
    }

    /**
     * Runs a resolved run with the GF-solution sharpness sampled on the given steps.
     *
     * @param gfsSteps the steps k ≥ 1 at which to compute the GF-solution sharpness (and the last), or null for none
     */
    public static ModelRunReport run(ModelRun run, Appendable csv, long every,
                                     List<? extends StepObserver<? super State>> observers, boolean keepSeries,
                                     LongPredicate gfsSteps) {
        ModelProblem problem = run.problem();
        RunSpec spec = run.spec();
        SharpnessSpec sharp = spec.sharpness();
        Method method = run.method();
        VectorStepper stepper = new VectorStepper(problem.model().copy(), method, problem.start());
        boolean series = keepSeries || csv != null;
        SharpnessTrack track = new SharpnessTrack(stepper::theta, problem.model().copy(),
                Sharpnesses.create(sharp, problem, run.stop().tol()), method, sharp.every(), series);
        GfsTrack gfs = null;
        if (gfsSteps != null) {
            GfsComputer computer = new GfsComputer(problem, run.gfsTolerance(), run.flowTimeLimit(),
                    Sharpnesses.create(sharp, problem, run.stop().tol()));
            gfs = new GfsTrack(stepper::theta, computer, run.gfs(), gfsSteps, problem.dimension(), series);
        }
        List<StepObserver<? super State>> all = new ArrayList<>();
        all.add(track);
        if (gfs != null) {
            all.add(gfs);
        }
        all.addAll(observers);
        if (csv != null) {
            all.add(new ModelTrajectoryCsv(csv, every, run.eta(), stepper::theta, problem.model().copy(), track, gfs));
        }
        RunResult<State> result = Runner.run(stepper, run.stop(), all);
        double[] theta = new double[problem.dimension()];
        stepper.theta(theta);
        return new ModelRunReport(run, result, track, gfs, theta, summary(run, result, track, gfs, theta));
    }

    private static Map<String, Object> summary(ModelRun run, RunResult<State> result, SharpnessTrack track,
                                               GfsTrack gfs, double[] theta) {
        ModelProblem problem = run.problem();
        Model m = problem.model().copy();
        ScalarChain chain = problem.chain();
        return ModelSummary.of(new ModelSummary.Parts(result, problem.family(), run.eta(), run.etaRel(),
                problem.blockNorms(theta), m.imbalance(theta), m.imbalance(problem.start()), track, run.gfs(), gfs,
                run.method().stabilityEdge(result.endStep()), chain == null ? Double.NaN : chain.flattestSharpness(),
                problem.facts(m, theta)));
    }
}
