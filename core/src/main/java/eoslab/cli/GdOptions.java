package eoslab.cli;

import eoslab.dynamics.Engine;
import eoslab.dynamics.StopRule;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The run parameters for a manifest: the initialization, η, the stop rule, the engine and the CSV stride. */
    Map<String, Object> parameters(Setup setup, double eta, long every) {
        Map<String, Object> p = new LinkedHashMap<>(setup.describe());
        p.put("eta", eta);
        p.put("steps", steps);
        p.put("tol", tol);
        p.put("engine", engine.label());
        p.put("every", every);
        return p;
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
