package eoslab.cli;

import eoslab.dynamics.StopRule;
import eoslab.service.FlowService;
import eoslab.service.ModelFlowService;
import eoslab.spec.FlowRunSpec;
import eoslab.spec.ModelSpec;
import eoslab.spec.SharpnessSpec;
import eoslab.spec.StartSpec;
import eoslab.io.OutputSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab flow}: gradient flow, in closed form or by ODE integration. */
@Command(name = "flow", mixinStandardHelpOptions = true, header = "Gradient flow, in closed form or by ODE integration.", sortOptions = false,
        description = {"Gradient flow ȧ = −εb, ḃ = −εa from the same initialization (θ̇ = −∇L(θ) for --model linear and "
                + "diagonal: DP853 until L − L* <= τ²/2 or --t-max, with the drift of the conserved quantities and the "
                + "sharpness at the end point).",
                "exact: the closed form of docs/model.md §5 (limit point, λ_GF, trajectory at any time);",
                "ode: Hipparchus Dormand-Prince 8(5,3) on the 2d-dimensional ODE, as an independent check."})
final class FlowCommand extends BaseCommand {
    @Mixin
    ProblemOptions problem;

    @Option(names = "--method", paramLabel = "exact|ode",
            description = "exact (closed form) or ode (numerical integration) (default exact; for --model linear and "
                    + "diagonal ode, and exact is the depth-D scalar chain's closed-form limit).")
    String method;

    @Option(names = "--t-max", paramLabel = "T",
            description = "End of the sampled trajectory (default: 1.5 × the exact time to reach --tol; 10/λ_GF when the "
                    + "start already meets --tol, 100/λ_GF when the flow never does).")
    Double tMax;

    @Option(names = "--dt", paramLabel = "h", description = "Sampling interval of the trajectory (default T/1000).")
    Double dt;

    @Option(names = "--tol", paramLabel = "τ",
            description = "Absolute tolerance: time_to_tol is the first time |ε| <= τ; for --model linear|diagonal the "
                    + "flow stops at L − L* <= τ²/2 (default: the relative --tol-rel).")
    Double tol;

    @Option(names = "--tol-rel", paramLabel = "r",
            description = "Relative tolerance: time_to_tol is the first time |ε| <= r·|Φ| (r·λ₀ when Φ = 0), the same "
                    + "at every scale (default 1e-12); for --model linear|diagonal r times the residual "
                    + "√(2(L(0) − L*)) of the zero network.")
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

    @Option(names = "--sharpness", paramLabel = "auto|lanczos|arpack|dense|exact",
            description = "Networks: estimator of the top Hessian eigenvalues at the end point (default auto: dense "
                    + "up to " + SharpnessSpec.AUTO_DENSE_MAX + " parameters, else lanczos).")
    String sharpness;

    @Option(names = "--top-k", paramLabel = "k",
            description = "Networks: number of top eigenvalues at the end point (default 1).")
    Integer topK;

    @Option(names = "--save-theta", paramLabel = "FILE.json",
            description = "Networks: write the flow's end point in the form --theta reads, plus a manifest (default: "
                    + "none).")
    Path saveTheta;

    @Override
    public Integer call() {
        FlowRunSpec spec = spec();
        if (spec.model() instanceof ModelSpec.Shallow) {
            FlowService.FlowPlan plan = FlowService.plan(spec);
            FlowService.FlowReport report = outFile == null ? FlowService.solve(plan, null)
                    : writeResult(outFile, force.force, plan.parameters(), spec.describe(),
                            w -> FlowService.solve(plan, w));
            print(report.summary(), json);
            return 0;
        }
        List<Path> files = new ArrayList<>();
        for (Path p : new Path[] {outFile, saveTheta}) {
            if (p != null) {
                files.add(p);
            }
        }
        ModelFlowService.FlowReport report;
        try (OutputSet set = files.isEmpty() ? null : plan(files, force.force)) {
            ModelFlowService.FlowPlan plan = ModelFlowService.plan(spec);
            report = outFile == null ? ModelFlowService.solve(plan, null)
                    : writeResult(set, outFile, plan.parameters(), spec.describe(),
                            w -> ModelFlowService.solve(plan, w));
            if (saveTheta != null) {
                writeTheta(set, saveTheta, plan.problem().model().layout(), report.theta(),
                        plan.problem().matrixBlocks(), plan.parameters(), spec.describe());
            }
            if (set != null) {
                set.commit();
            }
        }
        print(report.summary(), json);
        return 0;
    }

    /** The flow of the options (the tolerance relative, --tol-rel, unless --tol gives an absolute one). */
    FlowRunSpec spec() {
        if (tol != null && tolRel != null) {
            throw new UsageException("give at most one of --tol and --tol-rel");
        }
        double tolValue = tol != null ? tol : tolRel != null ? tolRel : StopRule.DEFAULT_TOL;
        boolean relative = tol == null;
        ModelSpec model = problem.model();
        StartSpec start = problem.start();
        if (model instanceof ModelSpec.Shallow) {
            if (sharpness != null || topK != null || saveTheta != null) {
                throw new UsageException((sharpness != null ? "--sharpness" : topK != null ? "--top-k"
                        : "--save-theta") + " applies to --model linear|diagonal");
            }
            return new FlowRunSpec(model, start, method == null ? "exact" : method, tMax, dt, tolValue, relative,
                    rtol, atol);
        }
        SharpnessSpec measure;
        try {
            measure = new SharpnessSpec(sharpness == null ? SharpnessSpec.DEFAULT.method() : sharpness,
                    topK == null ? SharpnessSpec.DEFAULT.topK() : topK, 0, 0, true);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        FlowRunSpec spec = new FlowRunSpec(model, start, method == null ? "ode" : method, tMax, dt, tolValue, relative,
                rtol, atol, measure);
        if (spec.solver().equals("exact") && (tMax != null || dt != null || outFile != null)) {
            throw new UsageException("--method exact gives the limit only: --t-max, --dt and --out need --method ode");
        }
        return spec;
    }
}
