package eoslab.cli;

import eoslab.dynamics.StopRule;
import java.lang.reflect.Field;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The stopping rule of every run a command makes: step budget and tolerance. The budget's default depends on the
 * command ({@link Defaults}).
 */
public final class StopOptions {
    @Option(names = "--steps", paramLabel = "N",
            description = "Most steps per run (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--tol", paramLabel = "τ",
            description = "Absolute tolerance: converged when |ε| = |aᵀb − Φ| <= τ (default: the relative --tol-rel).")
    Double tol;

    @Option(names = "--tol-rel", paramLabel = "r",
            description = "Relative tolerance: converged when |ε| <= r·|Φ| (r·λ₀ when Φ = 0), which means the same at "
                    + "every scale of the model (default 1e-12). A warning goes to stderr when the tolerance is below "
                    + "what the arithmetic resolves for a run.")
    Double tolRel;

    /** The rule: absolute with --tol, else relative (--tol-rel, default 1e-12). */
    public StopRule rule() {
        if (tol != null && tolRel != null) {
            throw new UsageException("give at most one of --tol and --tol-rel");
        }
        return tol != null ? new StopRule(steps, tol)
                : new StopRule(steps, tolRel != null ? tolRel : StopRule.DEFAULT_TOL, true);
    }

    /** The commands' default step budgets: 10 000 per cell for {@code phase} and {@code atlas}, 100 000 otherwise. */
    static final class Defaults implements CommandLine.IDefaultValueProvider {
        @Override
        public String defaultValue(CommandLine.Model.ArgSpec arg) {
            if (arg instanceof CommandLine.Model.OptionSpec o && o.longestName().equals("--steps")
                    && o.userObject() instanceof Field f && f.getDeclaringClass() == StopOptions.class) {
                String command = arg.command().name();
                return command.equals("phase") || command.equals("atlas") ? "10000" : Long.toString(StopRule.DEFAULT_MAX_STEPS);
            }
            return null;
        }
    }
}
