package eoslab.cli;

import eoslab.grid.Axis;
import eoslab.spec.RunSettings;
import eoslab.sweep.ParameterGrid;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Swept parameters of {@code sweep}, {@code phase} and {@code bifurcation}: each a single value or a range
 * {@code start:stop:count} (linear, or geometric with {@code --log NAME}), resolved into a {@link ParameterGrid}.
 */
public final class GridOptions {
    private static final Set<String> NAMES = Set.of("eta", "eta-rel", "eta-crit", "phi", "m0", "lambda0", "scale",
            "beta");

    @Option(names = "--eta", paramLabel = "η|a:b:n", description = "Step size: a value or a range start:stop:count.")
    String eta;

    @Option(names = "--eta-rel", paramLabel = "c|a:b:n",
            description = "Relative step c (η = c·2/λ_GF of each run's own initialization): a value or a range.")
    String etaRel;

    @Option(names = "--eta-crit", paramLabel = "c|a:b:n",
            description = "Step relative to the exact convergence boundary (η = c·η* of each run's own "
                    + "initialization; GD converges for c < 1 and not above): a value or a range.")
    String etaCrit;

    @Option(names = "--phi", paramLabel = "Φ|a:b:n", defaultValue = "1",
            description = "Target Φ: a value or a range (default ${DEFAULT-VALUE}).")
    String phi;

    @Option(names = "--m0", paramLabel = "m|a:b:n",
            description = "Canonical initialization aᵀb = m (with --lambda0): a value or a range.")
    String m0;

    @Option(names = "--lambda0", paramLabel = "λ|a:b:n",
            description = "Canonical initialization ‖a‖² + ‖b‖² = λ (with --m0, which defaults to 0): a value or a range.")
    String lambda0;

    @Option(names = "--scale", paramLabel = "σ|a:b:n",
            description = "Gaussian initialization a_i ~ N(0, σ²): a value or a range.")
    String scale;

    @Option(names = "--scale-b", paramLabel = "σ_b", description = "Gaussian initialization: b_i ~ N(0, σ_b²) (default σ).")
    Double scaleB;

    @Option(names = "--width", paramLabel = "d", defaultValue = "1",
            description = "Gaussian initialization: width d (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--seed", paramLabel = "n", defaultValue = "42",
            description = "Gaussian initialization: seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--log", paramLabel = "NAME",
            description = "Space the range of parameter NAME (eta, eta-rel, eta-crit, phi, m0, lambda0, scale, beta) "
                    + "geometrically (repeatable; default linear).")
    List<String> log;

    /**
     * The grid of a method: every point run with the settings, β swept over the method options' β axis (for a method
     * with momentum).
     */
    public ParameterGrid grid(RunSettings settings, MethodOptions method) {
        ParameterGrid g = grid(settings);
        Axis beta = method.betaAxis(log != null && log.contains("beta"));
        try {
            return beta == null || !settings.method().hasMomentum() ? g : g.withBeta(beta);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The grid, every point run with the given settings. */
    public ParameterGrid grid(RunSettings settings) {
        int etaForms = (eta != null ? 1 : 0) + (etaRel != null ? 1 : 0) + (etaCrit != null ? 1 : 0);
        if (etaForms != 1) {
            throw new UsageException("give exactly one of --eta, --eta-rel and --eta-crit");
        }
        boolean canonical = m0 != null || lambda0 != null;
        if (canonical == (scale != null)) {
            throw new UsageException("give one initialization: --lambda0 [--m0], or --scale [--width --seed --scale-b]");
        }
        if (canonical && lambda0 == null) {
            throw new UsageException("--m0 needs --lambda0");
        }
        List<String> logs = log == null ? List.of() : log;
        for (String name : logs) {
            if (!NAMES.contains(name)) {
                throw new UsageException("--log: unknown parameter '" + name + "' (expected one of eta, eta-rel, "
                        + "eta-crit, phi, m0, lambda0, scale, beta)");
            }
        }
        String etaName = eta != null ? "eta" : etaRel != null ? "eta-rel" : "eta-crit";
        String etaText = eta != null ? eta : etaRel != null ? etaRel : etaCrit;
        try {
            Axis etaAxis = Axis.parse(etaName, etaText, logs.contains(etaName));
            Axis phiAxis = Axis.parse("phi", phi, logs.contains("phi"));
            if (canonical) {
                return ParameterGrid.canonical(etaAxis, phiAxis,
                        Axis.parse("m0", m0 == null ? "0" : m0, logs.contains("m0")),
                        Axis.parse("lambda0", lambda0, logs.contains("lambda0")), settings);
            }
            return ParameterGrid.gaussian(etaAxis, phiAxis,
                    Axis.parse("scale", scale, logs.contains("scale")), scaleB, width, seed, settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
