package eoslab.cli;

import eoslab.dynamics.StopRule;
import eoslab.service.FlowService;
import eoslab.spec.FlowRunSpec;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab flow}: gradient flow, in closed form or by ODE integration. */
@Command(name = "flow", mixinStandardHelpOptions = true, header = "Gradient flow, in closed form or by ODE integration.", sortOptions = false,
        description = {"Gradient flow ȧ = −εb, ḃ = −εa from the same initialization.",
                "exact: the closed form of docs/model.md §5 (limit point, λ_GF, trajectory at any time);",
                "ode: Hipparchus Dormand-Prince 8(5,3) on the 2d-dimensional ODE, as an independent check."})
final class FlowCommand extends BaseCommand {
    @Mixin
    ProblemOptions problem;

    @Option(names = "--method", paramLabel = "exact|ode", defaultValue = "exact",
            description = "exact (closed form) or ode (numerical integration) (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--t-max", paramLabel = "T",
            description = "End of the sampled trajectory (default: 1.5 × the exact time to reach --tol; 10/λ_GF when the "
                    + "start already meets --tol, 100/λ_GF when the flow never does).")
    Double tMax;

    @Option(names = "--dt", paramLabel = "h", description = "Sampling interval of the trajectory (default T/1000).")
    Double dt;

    @Option(names = "--tol", paramLabel = "τ",
            description = "Absolute tolerance: time_to_tol is the first time |ε| <= τ (default: the relative --tol-rel).")
    Double tol;

    @Option(names = "--tol-rel", paramLabel = "r",
            description = "Relative tolerance: time_to_tol is the first time |ε| <= r·|Φ| (r·λ₀ when Φ = 0), the same "
                    + "at every scale (default 1e-12).")
    Double tolRel;

    @Option(names = "--rtol", paramLabel = "r", defaultValue = "1e-13",
            description = "ODE relative tolerance (default ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--atol", paramLabel = "a", defaultValue = "1e-15",
            description = "ODE absolute tolerance (default ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "Write the sampled trajectory (columns as in run, step empty), plus FILE.csv.manifest.json "
                    + "(default: none, no file).")
    Path outFile;

    @Mixin
    ForceOption force;

    @Option(names = "--json", description = "Print the summary as one JSON object (default: an aligned table).")
    boolean json;

    @Override
    public Integer call() {
        FlowRunSpec spec = spec();
        FlowService.FlowPlan plan = FlowService.plan(spec);
        FlowService.FlowReport report = outFile == null ? FlowService.solve(plan, null)
                : writeResult(outFile, force.force, plan.parameters(), spec.describe(), w -> FlowService.solve(plan, w));
        print(report.summary(), json);
        return 0;
    }

    /** The flow of the options (the tolerance relative, --tol-rel, unless --tol gives an absolute one). */
    FlowRunSpec spec() {
        if (tol != null && tolRel != null) {
            throw new UsageException("give at most one of --tol and --tol-rel");
        }
        return new FlowRunSpec(problem.model(), problem.start(), method, tMax, dt,
                tol != null ? tol : tolRel != null ? tolRel : StopRule.DEFAULT_TOL, tol == null, rtol, atol);
    }
}
