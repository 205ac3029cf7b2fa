package eoslab.service;

import eoslab.flow.FlowSample;
import eoslab.flow.FlowSolution;
import eoslab.flow.FlowSolver;
import eoslab.flow.FlowSpec;
import eoslab.io.CsvRows;
import eoslab.io.RowSink;
import eoslab.io.TrajectoryCsv;
import eoslab.measure.FlowSummary;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.spec.FlowRunSpec;
import java.util.Map;

/** Solves gradient flow from a specification: the closed form or the ODE, sampled, summarized. */
public final class FlowService {
    private FlowService() {
    }

    /**
     * A solved flow.
     *
     * @param plan     what was solved
     * @param solution the solution
     * @param summary  the summary ({@code flow --json})
     */
    public record FlowReport(FlowPlan plan, FlowSolution solution, Map<String, Object> summary) {
    }

    /**
     * A flow resolved from its specification, not yet solved.
     *
     * @param spec       the specification
     * @param start      the resolved problem and start
     * @param solver     the solver
     * @param exact      the closed form (for the default horizon and λ_GF)
     * @param sampling   the resolved horizon, interval and tolerance
     */
    public record FlowPlan(FlowRunSpec spec, ResolvedStart start, FlowSolver solver, ClosedFormFlow exact,
                           FlowSpec sampling) {
        /** The resolved parameters, for manifests. */
        public Map<String, Object> parameters() {
            Map<String, Object> p = start.describe();
            p.put("method", solver.method());
            p.put("t_max", sampling.tMax());
            p.put("dt", sampling.dt());
            p.put("tol", sampling.tol());
            if (spec.tolRelative()) {
                p.put("tol_rel", spec.tol());
            }
            if (solver.method().equals("ode")) {
                p.put("rtol", spec.rtol());
                p.put("atol", spec.atol());
            }
            return p;
        }
    }

    /**
     * Resolves a flow specification.
     *
     * @throws IllegalArgumentException for a specification that cannot be solved
     */
    public static FlowPlan plan(FlowRunSpec spec) {
        ResolvedStart start = Runs.resolve(spec.model(), spec.start());
        FlowSolver solver = spec.solver().equals("exact") ? FlowSolver.exact() : FlowSolver.ode(spec.rtol(),
                spec.atol());
        ClosedFormFlow exact = ClosedFormFlow.from(start.phi(), start.point());
        double scale = start.landmarks().residualScale();
        double tol = spec.tolRelative() && scale > 0 ? spec.tol() * scale : spec.tol();
        double horizon = spec.tMax() != null ? spec.tMax()
                : FlowSpec.defaultHorizon(exact.timeToTol(tol), exact.gfSharpness());
        return new FlowPlan(spec, start, solver, exact,
                new FlowSpec(horizon, spec.dt() != null ? spec.dt() : horizon / 1000, tol));
    }

    /** Solves a planned flow and writes its sampled trajectory onto {@code csv} (when not null). */
    public static FlowReport solve(FlowPlan plan, Appendable csv) {
        return solveInto(plan, csv == null ? null : CsvRows.withHeader(csv, TrajectoryCsv.COLUMNS));
    }

    /** Solves a planned flow and writes its samples as rows of {@link TrajectoryCsv#COLUMNS} (when not null). */
    public static FlowReport solveInto(FlowPlan plan, RowSink table) {
        FlowSpec sampling = plan.sampling();
        FlowSolution solution = plan.solver().solve(plan.start().phi(), plan.start().point(), sampling);
        if (table != null) {
            TrajectoryCsv rows = TrajectoryCsv.forFlow(table);
            for (FlowSample sample : solution.samples()) {
                rows.writeTime(sample.time(), sample.state());
            }
            rows.flush();
        }
        return new FlowReport(plan, solution,
                FlowSummary.of(solution, plan.exact().reachesMinimum(), plan.exact().gfSharpness(), sampling.tMax(),
                        true));
    }
}
