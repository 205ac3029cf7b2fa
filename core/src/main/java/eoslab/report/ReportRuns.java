package eoslab.report;

import eoslab.dynamics.RunResult;
import eoslab.dynamics.StepObserver;
import eoslab.dynamics.StopRule;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.service.ResolvedStart;
import eoslab.service.RunService;
import eoslab.service.Runs;
import eoslab.spec.EtaSpec;
import eoslab.spec.ProblemSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.StartSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the sections share to run GD through the services and to record where each figure's numbers came from. */
final class ReportRuns {
    /** The start of a statement's template: "from Φ = …, aᵀb = …, ‖a‖² + ‖b‖² = …" with values phi, m0, lambda0. */
    static final String FROM = "from $Φ$ = {phi}, $a^⊤b$ = {m0}, $‖a‖^2 + ‖b‖^2$ = {lambda0} (width 1; every width "
            + "is equivalent, docs/model.md §3)";

    private ReportRuns() {
    }

    /** The resolved problem and start. */
    static ResolvedStart resolve(ProblemSpec start) {
        return Runs.resolve(start.model(), start.start());
    }

    /** The landmarks of a start. */
    static Landmarks landmarks(ProblemSpec start) {
        return resolve(start).landmarks();
    }

    /** GD from a start with the given step and stop rule, observed. */
    static RunResult<ShallowState> gd(ProblemSpec start, EtaSpec eta, StopRule rule,
                                      List<? extends StepObserver<? super ShallowState>> observers) {
        return RunService.run(Runs.resolve(start.run(eta, RunSettings.gd(rule))), observers).result();
    }

    /** The step η on the model of a step as given. */
    static double eta(ProblemSpec start, EtaSpec eta) {
        return Runs.resolve(start.run(eta, RunSettings.gd(ReportSettings.RULE))).eta();
    }

    /** Adds the start's values phi, m0, lambda0 (for {@link #FROM}). */
    static Statement from(Statement s, ProblemSpec start) {
        StartSpec.Canonical c = (StartSpec.Canonical) start.start();
        return s.value("phi", start.phi(), 6).value("m0", c.m0(), 6).value("lambda0", c.lambda0(), 6);
    }

    private static Map<String, Object> base(String figure, ProblemSpec start) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", figure);
        m.putAll(start.describe());
        return m;
    }

    /** The provenance of one GD run. */
    static Map<String, Object> run(String figure, ProblemSpec start, double eta, StopRule rule,
                                   RunResult<ShallowState> r) {
        Map<String, Object> m = base(figure, start);
        m.put("method", "gd");
        m.put("engine", "reduced");
        m.put("eta", eta);
        m.put("steps", rule.maxSteps());
        m.put("tol", rule.tol());
        m.put("outcome", r.outcome().label());
        m.put("end_step", r.endStep());
        m.put("command", start.run(new EtaSpec.Absolute(eta), RunSettings.gd(rule)).command());
        return m;
    }

    /** The provenance of a sampled exact gradient flow. */
    static Map<String, Object> flow(String figure, ProblemSpec start, double tEnd, int samples) {
        Map<String, Object> m = base(figure, start);
        m.put("method", "gf");
        m.put("solver", "exact");
        m.put("t_max", tEnd);
        m.put("samples", samples);
        m.put("sampling", "log-spaced");
        return m;
    }

    /** The provenance of a GD sweep over η. */
    static Map<String, Object> sweep(String figure, ProblemSpec start, List<EtaSweep.Point> sweep, StopRule rule) {
        Map<String, Object> m = base(figure, start);
        m.put("method", "gd");
        m.put("engine", "reduced");
        m.put("eta_min", sweep.get(0).eta());
        m.put("eta_max", sweep.get(sweep.size() - 1).eta());
        m.put("eta_count", sweep.size());
        m.put("eta_spacing", "linear, ends included");
        m.put("steps", rule.maxSteps());
        m.put("tol", rule.tol());
        return m;
    }

    /** A column of a list of rows. */
    static double[] col(List<double[]> rows, int c) {
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }
}
