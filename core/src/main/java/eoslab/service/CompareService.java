package eoslab.service;

import eoslab.dynamics.StepObserver;
import eoslab.dynamics.StopRule;
import eoslab.flow.FlowSolution;
import eoslab.flow.FlowSolver;
import eoslab.flow.FlowSpec;
import eoslab.io.ComparisonCsv;
import eoslab.io.CsvRows;
import eoslab.io.RowSink;
import eoslab.measure.EdgeCrossing;
import eoslab.measure.FlowGap;
import eoslab.measure.FlowSummary;
import eoslab.method.Clock;
import eoslab.measure.GdSummary;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.ShallowState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GD against exact gradient flow from the same start, on one clock: GD step k ↔ GF time ηk; for a method with
 * momentum β, time ηk/(1 − β), and with a varying schedule Σ_{j&lt;k} η_j (divided by 1 − β): the method's {@link Clock}
 * (docs/models.md §2).
 */
public final class CompareService {
    private CompareService() {
    }

    /**
     * Compares GD with GF.
     *
     * @param run   the GD run
     * @param csv   where to write both trajectories side by side ({@link ComparisonCsv}), or null
     * @param every keep every k-th step in the CSV
     * @return {@code {"gd": summary, "gf": summary, "regularization_gain", "edge_threshold",
     *         "first_step_above_edge", "max_distance", "max_distance_step"}}
     */
    public static Map<String, Object> compare(ResolvedRun run, Appendable csv, long every) {
        return compare(run, csv == null ? null : CsvRows.withHeader(csv, ComparisonCsv.COLUMNS), every, List.of());
    }

    /**
     * Compares GD with GF, writing both trajectories into a table.
     *
     * @param rows  where the rows of {@link ComparisonCsv#COLUMNS} go, or null
     * @param every keep every k-th step
     * @param extra further observers of the GD run (after the comparison's own)
     * @return as {@link #compare(ResolvedRun, Appendable, long)}
     */
    public static Map<String, Object> compare(ResolvedRun run, RowSink rows, long every,
                                              List<? extends StepObserver<? super ShallowState>> extra) {
        ClosedFormFlow flow = ClosedFormFlow.from(run.phi(), run.start());
        EdgeCrossing edge = new EdgeCrossing(run.method());
        FlowGap gap = new FlowGap(flow, new Clock(run.method()));
        List<StepObserver<? super ShallowState>> observers = new ArrayList<>(List.of(edge, gap));
        if (rows != null) {
            observers.add(new ComparisonCsv(rows, flow, new Clock(run.method()), every));
        }
        observers.addAll(extra);
        RunReport gd = RunService.run(run, observers);
        // GF needs a positive tolerance for its time to tolerance: --tol 0 falls back to the default
        StopRule rule = run.stop();
        double flowTol = rule.tol() > 0 ? rule.tol() : StopRule.DEFAULT_TOL * run.landmarks().residualScale();
        if (!(flowTol > 0)) {
            flowTol = StopRule.DEFAULT_TOL; // the zero problem (Φ = 0, a = b = 0) has no residual scale
        }
        double gdTime = new Clock(run.method()).time(gd.result().endStep());
        double horizon = Math.max(gdTime,
                FlowSpec.defaultHorizon(flow.timeToTol(flowTol), flow.gfSharpness()));
        FlowSolution gf = FlowSolver.exact().solve(run.phi(), run.start(), new FlowSpec(horizon, horizon, flowTol));
        Map<String, Object> gfSummary = FlowSummary.of(gf, flow.reachesMinimum(), run.landmarks().gfSharpness(), horizon,
                false);
        Map<String, Object> cmp = new LinkedHashMap<>();
        cmp.put("gd", gd.summary());
        cmp.put("gf", gfSummary);
        // undefined (null) unless GD converged and λ_GF > 0 (Φ = 0 from a balanced start has λ_GF = 0)
        cmp.put("regularization_gain", gd.result().converged() && run.landmarks().gfSharpness() > 0
                ? 1.0 - gd.result().last().norm() / run.landmarks().gfSharpness() : null);
        cmp.put("edge_threshold", GdSummary.finiteOrNull(run.method().nominalEdge()));
        cmp.put("first_step_above_edge", edge.firstStep().isPresent() ? edge.firstStep().getAsLong() : null);
        cmp.put("max_distance", gap.maxDistance());
        cmp.put("max_distance_step", gap.maxStep());
        if (!run.spec().method().isPlainGd()) {
            cmp.put("clock_factor", run.method().clockFactor());
            cmp.put("gd_time", gdTime);
        }
        return cmp;
    }
}
