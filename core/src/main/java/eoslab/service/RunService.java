package eoslab.service;

import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StepObserver;
import eoslab.io.RowSink;
import eoslab.io.TrajectoryCsv;
import eoslab.measure.GdSummary;
import eoslab.method.Clock;
import eoslab.method.Method;
import eoslab.model.shallow.ShallowState;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSpec;
import eoslab.spec.ScheduleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs one specification: resolve, build the engine, run with observers, summarize. */
public final class RunService {
    private RunService() {
    }

    /** Resolves and runs a specification without observers. */
    public static RunReport run(RunSpec spec) {
        return run(Runs.resolve(spec), List.of());
    }

    /**
     * Runs a resolved specification.
     *
     * @param observers receivers of every iterate, in order
     */
    public static RunReport run(ResolvedRun run, List<? extends StepObserver<? super ShallowState>> observers) {
        RunResult<ShallowState> result = Runner.run(run.stepper(), run.stop(), observers);
        return new RunReport(run, result, summary(run, result));
    }

    /**
     * Runs a resolved specification and writes its trajectory as CSV (every k-th step, always the first and the
     * last) onto {@code csv}, before the other observers.
     */
    public static RunReport run(ResolvedRun run, Appendable csv, long every,
                                List<? extends StepObserver<? super ShallowState>> observers) {
        List<StepObserver<? super ShallowState>> all = new ArrayList<>();
        all.add(TrajectoryCsv.forSteps(csv, every, new Clock(run.method())));
        all.addAll(observers);
        return run(run, all);
    }

    /**
     * Runs a resolved specification and writes its trajectory as rows of {@link TrajectoryCsv#COLUMNS} (every k-th
     * step, always the first and the last) into {@code table}, before the other observers.
     */
    public static RunReport run(ResolvedRun run, RowSink table, long every,
                                List<? extends StepObserver<? super ShallowState>> observers) {
        List<StepObserver<? super ShallowState>> all = new ArrayList<>();
        all.add(TrajectoryCsv.forSteps(table, every, new Clock(run.method())));
        all.addAll(observers);
        return run(run, all);
    }

    /**
     * The summary of a run: {@link GdSummary} (whose loss, sharpness and max_loss are those of the model
     * ½(aᵀb − Φ)²) plus, with a data set, {@code eta_data} and {@code data_sigma2} and the same quantities of the data
     * loss (1/2n)Σ(aᵀb·xᵢ − yᵢ)² = σ²·½(aᵀb − Φ)² + const (docs/model.md §8): {@code data_loss}, {@code data_sharpness}
     * (σ² times the model's) and {@code data_max_loss}; for any method other than plain gradient descent with a
     * constant step, the {@link #methodKeys} fields.
     */
    public static Map<String, Object> summary(ResolvedRun run, RunResult<ShallowState> result) {
        Method method = run.method();
        Map<String, Object> m = GdSummary.of(result, method, run.etaRel(), run.etaCrit(), run.model().width(),
                run.landmarks());
        if (run.data() != null) {
            double sigma2 = run.data().sigma2();
            double offset = run.data().offset();
            m.put("eta_data", run.dataEta());
            m.put("data_sigma2", sigma2);
            m.put("data_loss", GdSummary.finiteOrNull(sigma2 * result.last().loss() + offset));
            m.put("data_sharpness", GdSummary.finiteOrNull(sigma2 * result.last().sharpness()));
            m.put("data_max_loss", GdSummary.finiteOrNull(sigma2 * result.maxLoss() + offset));
        }
        MethodSpec spec = run.spec().method();
        if (!spec.isPlainGd()) {
            m.put("method", spec.name());
            if (spec.hasMomentum()) {
                m.put("beta", spec.beta());
            }
            double last = GdSummary.lastEta(method, result);
            if (!method.schedule().isConstant()) {
                m.put("schedule", spec.schedule().label());
                m.put("eta_final", last);
            }
            m.put("stability_edge", GdSummary.finiteOrNull(method.stabilityEdgeOf(last)));
        }
        return m;
    }

    /**
     * The summary fields a method adds after the others: none for plain gradient descent with a constant step;
     * otherwise {@code method}, {@code beta} (momentum), {@code schedule} and {@code eta_final} (the step of the last
     * iteration; for a varying schedule) and {@code stability_edge} (2κ/η at that step).
     */
    public static List<String> methodKeys(MethodSpec spec) {
        List<String> keys = new ArrayList<>();
        if (spec.isPlainGd()) {
            return keys;
        }
        keys.add("method");
        if (spec.hasMomentum()) {
            keys.add("beta");
        }
        if (!(spec.schedule() instanceof ScheduleSpec.Constant)) {
            keys.add("schedule");
            keys.add("eta_final");
        }
        keys.add("stability_edge");
        return keys;
    }
}
