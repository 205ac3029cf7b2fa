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

    @Option(names = "--tol", paramLabel = "τ", defaultValue = "1e-12",
            description = "Converged when |ε| = |aᵀb − Φ| <= τ (default ${DEFAULT-VALUE}).")
    double tol;

    /** The rule. */
    public StopRule rule() {
        return new StopRule(steps, tol);
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
