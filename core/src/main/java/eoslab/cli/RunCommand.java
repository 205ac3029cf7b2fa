package eoslab.cli;

import eoslab.dynamics.GdResult;
import eoslab.dynamics.GdRunner;
import eoslab.dynamics.GdStepper;
import eoslab.dynamics.StopRule;
import eoslab.io.TrajectoryCsv;
import eoslab.measure.GdSummary;
import eoslab.model.shallow.Landmarks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab run}: gradient descent, exactly. */
@Command(name = "run", mixinStandardHelpOptions = true, header = "Gradient descent, exactly (reduced map or full vectors).", sortOptions = false,
        description = {"Run gradient descent a⁺ = a − ηεb, b⁺ = b − ηεa on L = ½(aᵀb − Φ)².",
                "Divergence (λ would exceed 1e100, or overflow) is an outcome reported with its step."})
final class RunCommand extends BaseCommand {
    @Mixin
    InitOptions init;
    @Mixin
    StepOptions step;
    @Mixin
    GdOptions gd;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write the trajectory: step,time,loss,residual,product,norm,imbalance,sharpness,gf_sharpness "
                    + "(time = η·step), plus FILE.csv.manifest.json (default: none, no file).")
    Path outFile;

    @Option(names = "--every", paramLabel = "k", defaultValue = "1",
            description = "Keep every k-th step in --out, always the first and the last (default ${DEFAULT-VALUE}).")
    long every;

    @Option(names = "--json", description = "Print the summary as one JSON object (default: an aligned table).")
    boolean json;

    @Option(names = "--precision", paramLabel = "double|decimal:N", defaultValue = "double",
            description = "Arithmetic: double, or the reduced recursion in N significant decimal digits "
                    + "(default ${DEFAULT-VALUE}).")
    String precision;

    @Override
    public Integer call() {
        Setup setup = init.resolve();
        Landmarks landmarks = Landmarks.of(setup.phi(), setup.point().imbalance());
        double eta = step.modelStep(setup, landmarks);
        StopRule rule = gd.rule();
        requireAtLeast("--every", every, 1);
        GdStepper stepper = SweepCommand.precision(precision, gd.engine).stepper(gd.engine, setup.phi(), eta,
                setup.point());
        GdResult result;
        if (outFile == null) {
            result = GdRunner.run(stepper, rule, List.of());
        } else {
            Map<String, Object> parameters = gd.parameters(setup, eta, every);
            parameters.put("precision", precision);
            result = writeResult(outFile, parameters,
                    w -> GdRunner.run(stepper, rule, List.of(TrajectoryCsv.forSteps(w, every, eta))));
        }
        Map<String, Object> summary = GdSummary.of(result, eta, setup.point().width(), landmarks);
        setup.annotate(summary, eta);
        print(summary, json);
        return 0;
    }
}
