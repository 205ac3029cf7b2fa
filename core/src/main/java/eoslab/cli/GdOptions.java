package eoslab.cli;

import eoslab.dynamics.Engine;
import eoslab.dynamics.Precision;
import eoslab.spec.MethodSpec;
import eoslab.spec.RunSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How GD runs: the method and its schedule, stopping rule, engine and arithmetic. */
public final class GdOptions {
    @ArgGroup(validate = false, heading = "%nMethod and step-size schedule:%n")
    MethodOptions method;

    @Mixin
    StopOptions stop;

    @Option(names = "--engine", paramLabel = "auto|reduced|vector", defaultValue = "auto",
            converter = EngineConverter.class,
            description = "auto: the fastest exact engine (the reduced map for this model); reduced: the exact "
                    + "width-independent 2-variable map (docs/model.md §3); vector: the actual vectors a, b "
                    + "(default ${DEFAULT-VALUE}).")
    Engine engine;

    @Option(names = "--precision", paramLabel = "double|decimal:N", defaultValue = "double",
            description = "Arithmetic: double, or the reduced recursion in N significant decimal digits "
                    + "(default ${DEFAULT-VALUE}).")
    String precision;

    /** The settings of a run (a single β). */
    public RunSettings settings() {
        return settings(MethodOptions.orNone(method).spec());
    }

    /** The settings of every run of a grid: β is the first of {@link #methodOptions()}'s β axis. */
    public RunSettings gridSettings() {
        return settings(MethodOptions.orNone(method).gridSpec());
    }

    /** The method options given (an empty set when none was). */
    MethodOptions methodOptions() {
        return MethodOptions.orNone(method);
    }

    private RunSettings settings(MethodSpec m) {
        try {
            return new RunSettings(m, stop.rule(), engine, Precision.parse(precision));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Parses engine names case-insensitively. */
    static final class EngineConverter implements picocli.CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            try {
                return Engine.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
