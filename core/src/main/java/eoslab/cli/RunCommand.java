package eoslab.cli;

import eoslab.io.OutputSet;
import eoslab.service.ResolvedRun;
import eoslab.service.RunReport;
import eoslab.service.RunService;
import eoslab.service.Runs;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code eoslab run}: gradient descent, exactly. */
@Command(name = "run", mixinStandardHelpOptions = true, header = "Gradient descent, exactly (reduced map or full vectors).", sortOptions = false,
        description = {"Run gradient descent a⁺ = a − ηεb, b⁺ = b − ηεa on L = ½(aᵀb − Φ)² (or, with --method, heavy-ball "
                + "or Nesterov momentum, and with --schedule a varying step: exactly, as a 4-variable map).",
                "Divergence (λ would exceed 1e100, or overflow) is an outcome reported with its step.",
                "--out writes step,time,loss,residual,product,norm,imbalance,sharpness,gf_sharpness (time = η·step; "
                + "ηk/(1 − β) with momentum, the sum of the steps with a schedule)."})
final class RunCommand extends BaseCommand {
    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        ResolvedRun resolved = Runs.resolve(run.spec());
        warnTolerance(resolved);
        RunReport report;
        try (OutputSet set = run.outputs()) {
            if (set == null) {
                report = RunService.run(resolved, List.of());
            } else {
                Map<String, Object> parameters = resolved.parameters();
                parameters.put("every", run.every);
                parameters.put("precision", resolved.spec().precision().label());
                report = writeResult(set, run.outFile, parameters, resolved.spec().describe(),
                        w -> RunService.run(resolved, w, run.every, List.of()));
                set.commit();
            }
        }
        print(report.summary(), run.json);
        return 0;
    }
}
