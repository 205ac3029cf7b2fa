package eoslab.cli;

import eoslab.io.OutputSet;
import eoslab.model.Layout;
import eoslab.model.shallow.ShallowModel;
import eoslab.service.FinalPoint;
import eoslab.service.ModelRun;
import eoslab.service.ModelRunReport;
import eoslab.service.ModelRunService;
import eoslab.service.ModelRuns;
import eoslab.service.ResolvedRun;
import eoslab.service.RunReport;
import eoslab.service.RunService;
import eoslab.service.Runs;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code eoslab run}: gradient descent, exactly. */
@Command(name = "run", mixinStandardHelpOptions = true, header = "Gradient descent, exactly (reduced map or full vectors).", sortOptions = false,
        description = {"Run gradient descent a⁺ = a − ηεb, b⁺ = b − ηεa on L = ½(aᵀb − Φ)² (or, with --method, heavy-ball "
                + "or Nesterov momentum, and with --schedule a varying step: exactly, as a 4-variable map), or "
                + "θ⁺ = θ − η∇L(θ) on a deep linear (--model linear) or diagonal (--model diagonal) network.",
                "Divergence (λ would exceed 1e100, or overflow) is an outcome reported with its step.",
                "--out writes step,time,loss,residual,product,norm,imbalance,sharpness,gf_sharpness (time = η·step; "
                + "ηk/(1 − β) with momentum, the sum of the steps with a schedule); for the networks "
                + "step,time,loss,residual,norm,imbalance,sharpness,gfs_sharpness."})
final class RunCommand extends BaseCommand {
    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        RunSpec spec = run.spec();
        ResolvedRun shallow = null;
        if (spec.model() instanceof ModelSpec.Shallow) {
            shallow = Runs.resolve(spec);
            warnTolerance(shallow);
        }
        Map<String, Object> summary;
        try (OutputSet set = run.outputs()) {
            summary = shallow != null ? shallow(spec, shallow, set) : network(spec, set);
            if (set != null) {
                set.commit();
            }
        }
        print(summary, run.json);
        return 0;
    }

    private Map<String, Object> shallow(RunSpec spec, ResolvedRun resolved, OutputSet set) {
        FinalPoint end = new FinalPoint();
        List<FinalPoint> observers = run.saveTheta == null ? List.of() : List.of(end);
        RunReport report;
        if (run.outFile == null) {
            report = RunService.run(resolved, observers);
        } else {
            Map<String, Object> parameters = resolved.parameters();
            parameters.put("every", run.every);
            parameters.put("precision", resolved.spec().precision().label());
            report = writeResult(set, run.outFile, parameters, resolved.spec().describe(),
                    w -> RunService.run(resolved, w, run.every, observers));
        }
        int d = resolved.start().width();
        Layout layout = Layout.of("a", d, 1, "b", d, 1);
        if (run.saveStart != null) {
            writeTheta(set, run.saveStart, layout, ShallowModel.theta(resolved.start()), false, resolved.parameters(),
                    spec.describe());
        }
        if (run.saveTheta != null) {
            writeTheta(set, run.saveTheta, layout, end.theta(), false, resolved.parameters(), spec.describe());
        }
        return report.summary();
    }

    private Map<String, Object> network(RunSpec spec, OutputSet set) {
        ModelRun resolved = ModelRuns.resolve(spec);
        warnTolerance(resolved);
        Map<String, Object> parameters = resolved.parameters();
        ModelRunReport report;
        if (run.outFile == null) {
            report = ModelRunService.run(resolved, null, run.every, List.of(), false);
        } else {
            Map<String, Object> p = resolved.parameters();
            p.put("every", run.every);
            report = writeResult(set, run.outFile, p, spec.describe(),
                    w -> ModelRunService.run(resolved, w, run.every, List.of(), false));
        }
        Layout layout = resolved.problem().model().layout();
        boolean matrices = resolved.problem().matrixBlocks();
        if (run.saveStart != null) {
            writeTheta(set, run.saveStart, layout, resolved.problem().start(), matrices, parameters, spec.describe());
        }
        if (run.saveTheta != null) {
            writeTheta(set, run.saveTheta, layout, report.theta(), matrices, parameters, spec.describe());
        }
        return report.summary();
    }
}
