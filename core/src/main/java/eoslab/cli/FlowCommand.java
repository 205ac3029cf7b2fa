package eoslab.cli;

import eoslab.flow.FlowSample;
import eoslab.flow.FlowSolution;
import eoslab.flow.FlowSolver;
import eoslab.flow.FlowSpec;
import eoslab.io.TrajectoryCsv;
import eoslab.measure.FlowSummary;
import eoslab.model.shallow.ClosedFormFlow;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code eoslab flow}: gradient flow, in closed form or by ODE integration. */
@Command(name = "flow", mixinStandardHelpOptions = true, header = "Gradient flow, in closed form or by ODE integration.", sortOptions = false,
        description = {"Gradient flow ȧ = −εb, ḃ = −εa from the same initialization.",
                "exact: the closed form of model.md §5 (limit point, λ_GF, trajectory at any time);",
                "ode: Hipparchus Dormand-Prince 8(5,3) on the 2d-dimensional ODE, as an independent check."})
final class FlowCommand extends BaseCommand {
    @Mixin
    InitOptions init;

    @Option(names = "--method", paramLabel = "exact|ode", defaultValue = "exact",
            description = "exact (closed form) or ode (numerical integration) (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--t-max", paramLabel = "T",
            description = "End of the sampled trajectory (default: 1.5 × the exact time to reach --tol; 10/λ_GF when the "
                    + "start already meets --tol, 100/λ_GF when the flow never does).")
    Double tMax;

    @Option(names = "--dt", paramLabel = "h", description = "Sampling interval of the trajectory (default T/1000).")
    Double dt;

    @Option(names = "--tol", paramLabel = "τ", defaultValue = "1e-12",
            description = "time_to_tol is the first time |ε| <= τ (default ${DEFAULT-VALUE}).")
    double tol;

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

    @Option(names = "--json", description = "Print the summary as one JSON object (default: an aligned table).")
    boolean json;

    @Override
    public Integer call() {
        Setup setup = init.resolve();
        FlowSolver solver = switch (method) {
            case "exact" -> FlowSolver.exact();
            case "ode" -> FlowSolver.ode(rtol, atol);
            default -> throw new UsageException("--method must be exact or ode, got '" + method + "'");
        };
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new UsageException("--tol must be a finite positive number, got " + tol);
        }
        ClosedFormFlow exact = ClosedFormFlow.from(setup.phi(), setup.point());
        double horizon = tMax != null ? tMax : defaultHorizon(exact.timeToTol(tol), exact.gfSharpness());
        FlowSpec spec = new FlowSpec(horizon, dt != null ? dt : horizon / 1000, tol);
        FlowSolution solution;
        if (outFile == null) {
            solution = solver.solve(setup.phi(), setup.point(), spec);
        } else {
            Map<String, Object> p = new LinkedHashMap<>(setup.describe());
            p.put("method", solver.method());
            p.put("t_max", spec.tMax());
            p.put("dt", spec.dt());
            p.put("tol", spec.tol());
            if (solver.method().equals("ode")) {
                p.put("rtol", rtol);
                p.put("atol", atol);
            }
            solution = writeResult(outFile, p, w -> {
                FlowSolution s = solver.solve(setup.phi(), setup.point(), spec);
                TrajectoryCsv csv = TrajectoryCsv.forFlow(w);
                for (FlowSample sample : s.samples()) {
                    csv.writeTime(sample.time(), sample.state());
                }
                csv.flush();
                return s;
            });
        }
        print(FlowSummary.of(solution, exact.gfSharpness(), spec.tMax()), json);
        return 0;
    }

    /**
     * 1.5 × the exact time to tolerance; when that time is 0 (the start meets the tolerance) 10/λ_GF, and when the flow
     * never reaches it 100/λ_GF (λ_GF is the flow's rate; 1 stands in for it when λ_GF = 0).
     */
    static double defaultHorizon(OptionalDouble timeToTol, double gfSharpness) {
        double timeScale = gfSharpness > 0 ? 1.0 / gfSharpness : 1.0;
        if (timeToTol.isEmpty()) {
            return 100.0 * timeScale;
        }
        return timeToTol.getAsDouble() > 0 ? 1.5 * timeToTol.getAsDouble() : 10.0 * timeScale;
    }
}
