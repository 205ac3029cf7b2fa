package eoslab.cli;

import eoslab.dynamics.GdResult;
import eoslab.dynamics.GdRunner;
import eoslab.dynamics.GdStepper;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.StepObserver;
import eoslab.dynamics.StopRule;
import eoslab.flow.FlowSolution;
import eoslab.flow.FlowSolver;
import eoslab.flow.FlowSpec;
import eoslab.io.ComparisonCsv;
import eoslab.measure.EdgeCrossing;
import eoslab.measure.FlowGap;
import eoslab.measure.FlowSummary;
import eoslab.measure.GdSummary;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.Landmarks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab compare}: GD against exact GF on one clock (GD step k ↔ GF time ηk). */
@Command(name = "compare", mixinStandardHelpOptions = true, header = "GD against GF on one clock (step k <-> time ηk).", sortOptions = false,
        description = {"Gradient descent against gradient flow from the same start, on one clock (step k <-> t = ηk).",
                "Reports both summaries, the regularization gain 1 − λ∞(GD)/λ_GF, the first step where GD's sharpness",
                "exceeds 2/η, and the largest distance between the two trajectories' (ε, λ)."})
final class CompareCommand extends BaseCommand {
    @Mixin
    InitOptions init;
    @Mixin
    StepOptions step;
    @Mixin
    GdOptions gd;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write both series aligned on time: step,time,gd_*,gf_* (loss, residual, product, norm, "
                    + "imbalance, sharpness, gf_sharpness), plus FILE.csv.manifest.json (default: none, no file).")
    Path outFile;

    @Option(names = "--every", paramLabel = "k", defaultValue = "1",
            description = "Keep every k-th step in --out, always the first and the last (default ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--json", description = "Print one JSON object with gd, gf and the comparison fields (default: aligned tables).")
    boolean json;

    @Override
    public Integer call() {
        Setup setup = init.resolve();
        Landmarks landmarks = Landmarks.of(setup.phi(), setup.point().imbalance());
        double eta = step.modelStep(setup, landmarks);
        StopRule rule = gd.rule();
        requireAtLeast("--every", every, 1);
        ClosedFormFlow flow = ClosedFormFlow.from(setup.phi(), setup.point());
        GdStepper stepper = gd.engine.create(setup.phi(), eta, setup.point());
        EdgeCrossing edge = new EdgeCrossing(eta);
        FlowGap gap = new FlowGap(flow, eta);
        List<StepObserver> observers = new ArrayList<>(List.of(edge, gap));
        GdResult result;
        if (outFile == null) {
            result = GdRunner.run(stepper, rule, observers);
        } else {
            result = writeResult(outFile, gd.parameters(setup, eta, every), w -> {
                observers.add(new ComparisonCsv(w, flow, eta, every));
                return GdRunner.run(stepper, rule, observers);
            });
        }
        Map<String, Object> gdSummary = GdSummary.of(result, eta, setup.point().width(), landmarks);
        setup.annotate(gdSummary, eta);
        // GF needs a positive tolerance for its time to tolerance: --tol 0 falls back to the default
        double flowTol = rule.tol() > 0 ? rule.tol() : StopRule.DEFAULT_TOL;
        double horizon = Math.max(eta * result.endStep(),
                FlowCommand.defaultHorizon(flow.timeToTol(flowTol), flow.gfSharpness()));
        FlowSolution gf = FlowSolver.exact().solve(setup.phi(), setup.point(), new FlowSpec(horizon, horizon, flowTol));
        Map<String, Object> gfSummary = FlowSummary.of(gf, landmarks.gfSharpness(), horizon);
        gfSummary.remove("a");
        gfSummary.remove("b");
        Map<String, Object> cmp = new LinkedHashMap<>();
        cmp.put("gd", gdSummary);
        cmp.put("gf", gfSummary);
        cmp.put("regularization_gain", result.outcome() == Outcome.CONVERGED
                ? 1.0 - result.last().norm() / landmarks.gfSharpness() : null);
        cmp.put("edge_threshold", 2.0 / eta);
        cmp.put("first_step_above_edge", edge.firstStep().isPresent() ? edge.firstStep().getAsLong() : null);
        cmp.put("max_distance", gap.maxDistance());
        cmp.put("max_distance_step", gap.maxStep());
        if (json) {
            print(cmp, true);
        } else {
            List<String> keys = List.of("outcome", "steps", "time_to_tol", "loss", "residual", "norm", "imbalance",
                    "sharpness", "gf_sharpness", "max_loss", "regime");
            out().println(Table.columns(keys, List.of("GD", "GF (exact)"), List.of(gdSummary, gfSummary)));
            Map<String, Object> rest = new LinkedHashMap<>(cmp);
            rest.remove("gd");
            rest.remove("gf");
            rest.put("eta", eta);
            rest.put("eta_rel", gdSummary.get("eta_rel"));
            out().println();
            print(rest, false);
        }
        return 0;
    }
}
