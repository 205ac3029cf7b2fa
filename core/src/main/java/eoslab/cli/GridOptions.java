package eoslab.cli;

import eoslab.grid.Axis;
import eoslab.spec.EtaSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.spec.SharpnessSpec;
import eoslab.spec.StartSpec;
import eoslab.sweep.ModelGrid;
import eoslab.sweep.ParameterGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Swept parameters of {@code sweep}, {@code phase} and {@code bifurcation}: each a single value or a range
 * {@code start:stop:count} (linear, or geometric with {@code --log NAME}), resolved into a {@link ParameterGrid}; for
 * {@code sweep --model linear|diagonal} into a {@link ModelGrid}.
 */
public final class GridOptions {
    private static final List<String> SHALLOW_NAMES = List.of("eta", "eta-rel", "eta-crit", "phi", "m0", "lambda0",
            "scale", "beta");
    private static final List<String> NETWORK_NAMES = List.of("eta", "eta-rel", "phi", "scale", "imbalance",
            "alpha");

    @Option(names = "--eta", paramLabel = "η|a:b:n", description = "Step size: a value or a range start:stop:count.")
    String eta;

    @Option(names = "--eta-rel", paramLabel = "c|a:b:n",
            description = "Relative step c (η = c·2/λ_GF of each run's own initialization): a value or a range.")
    String etaRel;

    @Option(names = "--eta-crit", paramLabel = "c|a:b:n",
            description = "Step relative to the exact convergence boundary (η = c·η* of each run's own "
                    + "initialization; GD converges for c < 1 and not above): a value or a range.")
    String etaCrit;

    @Option(names = "--phi", paramLabel = "Φ|a:b:n",
            description = "Target Φ: a value or a range (default 1; with sweep --model linear the scalar target).")
    String phi;

    @Option(names = "--m0", paramLabel = "m|a:b:n",
            description = "Canonical initialization aᵀb = m (with --lambda0): a value or a range.")
    String m0;

    @Option(names = "--lambda0", paramLabel = "λ|a:b:n",
            description = "Canonical initialization ‖a‖² + ‖b‖² = λ (with --m0, which defaults to 0): a value or a range.")
    String lambda0;

    @Option(names = "--scale", paramLabel = "σ|a:b:n",
            description = "Gaussian initialization a_i ~ N(0, σ²): a value or a range (with sweep --model linear, every "
                    + "entry of every layer σ·N(0, 1)).")
    String scale;

    @Option(names = "--scale-b", paramLabel = "σ_b", description = "Gaussian initialization: b_i ~ N(0, σ_b²) (default σ).")
    Double scaleB;

    @Option(names = "--width", paramLabel = "d",
            description = "Gaussian initialization: width d (default 1).")
    Integer width;

    @Option(names = "--seed", paramLabel = "n",
            description = "Gaussian initialization: seed (default 42; with --model linear the start's seed, with "
                    + "--model diagonal the --sparse problem's).")
    Long seed;

    @Option(names = "--log", paramLabel = "NAME",
            description = "Space the range of parameter NAME (eta, eta-rel, eta-crit, phi, m0, lambda0, scale, beta; "
                    + "imbalance, alpha for the networks) geometrically (repeatable; default linear).")
    List<String> log;

    @Option(names = "--model", paramLabel = "shallow|linear|diagonal",
            description = "sweep: the model (default shallow); phase and bifurcation run the shallow model.")
    String model;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "sweep --model linear|diagonal: the data set (columns x1..xp, y1..yq; default: none).")
    Path data;

    @Option(names = "--theta", paramLabel = "FILE.json",
            description = "sweep --model linear|diagonal: start from these parameters (default: none).")
    Path theta;

    @ArgGroup(exclusive = false, heading = "%nDeep linear network (sweep --model linear):%n")
    ProblemOptions.LinearGroup linear;

    @ArgGroup(exclusive = false, heading = "%nDiagonal linear network (sweep --model diagonal):%n")
    ProblemOptions.DiagonalGroup diagonal;

    /** The model family ({@code shallow} unless {@code --model} says otherwise). */
    public String family() {
        String f = model == null ? "shallow" : model;
        if (!f.equals("shallow") && !f.equals("linear") && !f.equals("diagonal")) {
            throw new UsageException("--model must be shallow, linear or diagonal, got '" + model + "'");
        }
        return f;
    }

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

    /** The grid of the shallow model, every point run with the given settings. */
    public ParameterGrid grid(RunSettings settings) {
        if (!family().equals("shallow")) {
            throw new UsageException("this command runs the shallow model; --model " + family() + " is for sweep, run, "
                    + "flow, compare and check");
        }
        if (data != null || theta != null || linear != null || diagonal != null) {
            throw new UsageException((data != null ? "--data" : theta != null ? "--theta" : linear != null
                    ? "--depth/--widths/--target…" : "--sparse/--noise/--alpha") + " applies to sweep --model linear|"
                    + "diagonal");
        }
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
        List<String> logs = logs(SHALLOW_NAMES);
        String etaName = eta != null ? "eta" : etaRel != null ? "eta-rel" : "eta-crit";
        String etaText = eta != null ? eta : etaRel != null ? etaRel : etaCrit;
        try {
            Axis etaAxis = Axis.parse(etaName, etaText, logs.contains(etaName));
            Axis phiAxis = Axis.parse("phi", phi == null ? "1" : phi, logs.contains("phi"));
            if (canonical) {
                return ParameterGrid.canonical(etaAxis, phiAxis,
                        Axis.parse("m0", m0 == null ? "0" : m0, logs.contains("m0")),
                        Axis.parse("lambda0", lambda0, logs.contains("lambda0")), settings);
            }
            return ParameterGrid.gaussian(etaAxis, phiAxis,
                    Axis.parse("scale", scale, logs.contains("scale")), scaleB, width == null ? 1 : width,
                    seed == null ? StartSpec.DEFAULT_SEED : seed, settings);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The grid of a deep linear or diagonal network ({@code sweep --model linear|diagonal}): the model and start from
     * the same options as {@code run}, swept over the step and {@code --phi}, {@code --scale}, {@code --imbalance}
     * or {@code --alpha} where they are ranges.
     */
    public ModelGrid networkGrid(RunSettings settings, SharpnessSpec sharpness) {
        String family = family();
        if (m0 != null || lambda0 != null || scaleB != null || width != null) {
            throw new UsageException((m0 != null ? "--m0" : lambda0 != null ? "--lambda0" : scaleB != null
                    ? "--scale-b" : "--width") + " applies to --model shallow, not --model " + family);
        }
        if (etaCrit != null) {
            throw new UsageException("--eta-crit applies to --model shallow (the exact convergence boundary η* is the "
                    + "shallow model's)");
        }
        if ((eta == null) == (etaRel == null)) {
            throw new UsageException("give exactly one of --eta and --eta-rel");
        }
        List<String> logs = logs(NETWORK_NAMES);
        boolean relative = etaRel != null;
        String etaName = relative ? "eta-rel" : "eta";
        try {
            List<Axis> axes = new ArrayList<>();
            ProblemOptions p = new ProblemOptions();
            p.model = family;
            p.data = data;
            p.theta = theta;
            p.seed = seed;
            p.linear = linear;
            p.diagonal = diagonal;
            if (phi != null) {
                Axis a = Axis.parse("phi", phi, logs.contains("phi"));
                axes.add(a);
                p.phi = a.start();
            }
            if (scale != null) {
                Axis a = Axis.parse("scale", scale, logs.contains("scale"));
                axes.add(a);
                p.scale = new double[] {a.start()};
            }
            String imbalance = linear == null ? null : linear.imbalance;
            if (imbalance != null) {
                Axis a = Axis.parse("imbalance", imbalance, logs.contains("imbalance"));
                axes.add(a);
                linear.imbalance = Double.toString(a.start());
            }
            String alpha = diagonal == null ? null : diagonal.alpha;
            if (alpha != null) {
                Axis a = Axis.parse("alpha", alpha, logs.contains("alpha"));
                axes.add(a);
                diagonal.alpha = Double.toString(a.start());
            }
            RunSpec template = settings.run(p.model(), p.start(), relative ? new EtaSpec.Relative(1)
                    : new EtaSpec.Absolute(1)).withSharpness(sharpness);
            Axis etaAxis = Axis.parse(etaName, relative ? etaRel : eta, logs.contains(etaName));
            return new ModelGrid(template, etaAxis, relative, axes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<String> logs(List<String> names) {
        List<String> logs = log == null ? List.of() : log;
        for (String name : logs) {
            if (!names.contains(name)) {
                throw new UsageException("--log: unknown parameter '" + name + "' (expected one of "
                        + String.join(", ", names) + ")");
            }
        }
        return logs;
    }
}
