package eoslab.cli;

import eoslab.dynamics.Engine;
import eoslab.dynamics.StopRule;
import picocli.CommandLine.Option;

/** Options of a GD run: budget, tolerance and engine. */
public final class GdOptions {
    @Option(names = "--steps", paramLabel = "N", defaultValue = "100000", description = "Maximum number of GD steps (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--tol", paramLabel = "τ", defaultValue = "1e-12",
            description = "Converged when |ε| = |aᵀb − Φ| <= τ (default ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--engine", paramLabel = "reduced|vector", defaultValue = "reduced",
            converter = EngineConverter.class,
            description = "reduced: the exact width-independent 2-variable map (model.md §3); vector: the actual "
                    + "vectors a, b (default ${DEFAULT-VALUE}).")
    Engine engine;

    /** The stop rule. */
    public StopRule rule() {
        BaseCommand.requireAtLeast("--steps", steps, 0);
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new UsageException("--tol must be a finite non-negative number, got " + tol);
        }
        return new StopRule(steps, tol);
    }

    /** Parses engine names case-insensitively. */
    static final class EngineConverter implements picocli.CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine e : Engine.values()) {
                if (e.label().equalsIgnoreCase(value)) {
                    return e;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "unknown engine '" + value + "' (expected reduced or vector)");
        }
    }
}
