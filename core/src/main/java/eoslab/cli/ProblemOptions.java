package eoslab.cli;

import eoslab.model.shallow.VectorPoint;
import eoslab.spec.LinearTarget;
import eoslab.spec.ModelSpec;
import eoslab.spec.StartSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The shared options that fix the problem and the initialization: {@code --model} with the options every model shares
 * ({@code --phi}, {@code --data}, {@code --scale}, {@code --seed}, {@code --theta}) and one argument group per model
 * family for its own options.
 */
public final class ProblemOptions {
    @Option(names = "--model", paramLabel = "shallow|linear|diagonal",
            description = "The model: shallow ½(aᵀb − Φ)² (default), linear (deep linear network f(x) = W_D⋯W_1 x) or "
                    + "diagonal (f(x) = ⟨u⊙u − v⊙v, x⟩).")
    String model;

    @Option(names = "--phi", paramLabel = "Φ", description = "Target Φ of L = ½(aᵀb − Φ)² (default 1); with --model "
            + "linear a scalar target (p = q = 1; all widths 1 is the depth-D scalar chain).")
    Double phi;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Scalar data set with columns x,y: loss (1/2n)Σ(aᵀb·x − y)², which equals σ²·½(aᵀb − Φ)² + const "
                    + "with σ² = mean x², Φ = Σxy/Σx²; --eta is then the step on this data loss (model step ησ²). "
                    + "With --model linear: columns x1..xp, y1..yq (or x, y), loss (1/2n)Σ‖W_D⋯W_1 xᵢ − yᵢ‖²; with "
                    + "--model diagonal: columns x1..xp, y. Default: none (use --phi).")
    Path data;

    @Option(names = "--scale", paramLabel = "σ[,σ2,…]", split = ",",
            description = "Gaussian initialization: a_i ~ N(0, σ²) (no default; selects this form). With --model "
                    + "linear every entry of W_i is σ_i·N(0, 1): one σ, or one per layer.")
    double[] scale;

    @Option(names = "--seed", paramLabel = "n",
            description = "Seed of the Gaussian initialization (java.util.Random; same vectors on every machine; "
                    + "default 42). With --model linear the seed of the start (--scale, --balanced); with --model "
                    + "diagonal the seed of the --sparse problem.")
    Long seed;

    @Option(names = "--theta", paramLabel = "FILE.json",
            description = "Start from the parameters in FILE.json, one array per block: {\"a\": […], \"b\": […]}, "
                    + "{\"W1\": [[…], …], …, \"WD\": [[…], …]} (row-major, W1 of shape h1×p) or {\"u\": […], \"v\": […]} "
                    + "(default: none; selects this form).")
    Path theta;

    @ArgGroup(exclusive = false, heading = "%nShallow model (--model shallow, the default):%n")
    ShallowGroup shallow;

    @ArgGroup(exclusive = false, heading = "%nDeep linear network (--model linear):%n")
    LinearGroup linear;

    @ArgGroup(exclusive = false, heading = "%nDiagonal linear network (--model diagonal):%n")
    DiagonalGroup diagonal;

    /** The shallow model's own options. */
    static final class ShallowGroup {
        @Option(names = "--a", split = ",", paramLabel = "x1,x2,…",
                description = "Explicit initial vector a (use with --b; equal lengths d >= 1). No default: give exactly "
                        + "one initialization form, --a/--b, --width/--scale, --m0/--lambda0 or --theta.")
        double[] a;

        @Option(names = "--b", split = ",", paramLabel = "y1,y2,…",
                description = "Explicit initial vector b (use with --a; no default).")
        double[] b;

        @Option(names = "--width", paramLabel = "d",
                description = "Gaussian initialization: width d (default 1 when --scale is given).")
        Integer width;

        @Option(names = "--scale-b", paramLabel = "σ_b",
                description = "Gaussian initialization: b_i ~ N(0, σ_b²) (default σ).")
        Double scaleB;

        @Option(names = "--m0", paramLabel = "m",
                description = "Canonical initialization: aᵀb = m (use with --lambda0; no default).")
        Double m0;

        @Option(names = "--lambda0", paramLabel = "λ",
                description = "Canonical initialization: ‖a‖² + ‖b‖² = λ (requires λ >= 2|m|; no default). Width 1 "
                        + "loses nothing: GD and GF depend only on (m, λ) (docs/model.md §3).")
        Double lambda0;
    }

    /** The deep linear network's own options. */
    static final class LinearGroup {
        @Option(names = "--depth", paramLabel = "D",
                description = "Number of layers D >= 2 (default: one more than the hidden widths given, else 2).")
        Integer depth;

        @Option(names = "--widths", paramLabel = "h1,…", split = ",",
                description = "Hidden widths h1 … h_{D−1} (default: min(p, q) for every hidden layer).")
        int[] widths;

        @Option(names = "--target", paramLabel = "FILE.npy|FILE.csv",
                description = "Target matrix Φ (q × p): loss ½‖W_D⋯W_1 − Φ‖²_F; .npy float64 or .csv with one row "
                        + "per line (default: none).")
        Path target;

        @Option(names = "--target-spectrum", paramLabel = "s1,s2,…", split = ",",
                description = "Generated target Φ = U diag(s) Vᵀ with seeded Haar-random U, V (with --target-size; "
                        + "default: none).")
        double[] spectrum;

        @Option(names = "--target-size", paramLabel = "QxP",
                description = "Shape q × p of the generated target (no default; needed by --target-spectrum).")
        String targetSize;

        @Option(names = "--target-seed", paramLabel = "n",
                description = "Seed of the generated target's singular vectors (default 42).")
        Long targetSeed;

        @Option(names = "--balanced", paramLabel = "s1,s2,…", split = ",",
                description = "Balanced start (W_{i+1}ᵀW_{i+1} = W_iW_iᵀ) with end-to-end singular values s and seeded "
                        + "random singular vectors (--seed); default: none (selects this form).")
        double[] balanced;

        @Option(names = "--imbalance", paramLabel = "Q",
                description = "With --balanced: rescale the layers by e^{t(i−(D+1)/2)} (same end-to-end matrix) so that "
                        + "Σ‖W_{i+1}ᵀW_{i+1} − W_iW_iᵀ‖_* = Q (default 0: balanced; sweep: a range).")
        String imbalance;
    }

    /** The diagonal network's own options. */
    static final class DiagonalGroup {
        @Option(names = "--sparse", paramLabel = "n,p,s", split = ",",
                description = "Generated sparse regression problem: n Gaussian samples in p dimensions, planted vector "
                        + "(1, −1, 1, …) on s coordinates, y = Xβ* + σ·noise, drawn from --seed (default: none; use "
                        + "--data or --sparse).")
        int[] sparse;

        @Option(names = "--noise", paramLabel = "σ", description = "Noise level of --sparse (default 0).")
        Double noise;

        @Option(names = "--alpha", paramLabel = "α",
                description = "Start u = v = α·1 (β = 0, conserved u⊙v = α²; small α: rich regime, large α: kernel "
                        + "regime). No default: give --alpha or --theta (sweep: a range).")
        String alpha;
    }

    /** The model family: {@code shallow} (default), {@code linear} or {@code diagonal}. */
    public String family() {
        String f = model == null ? "shallow" : model;
        if (!f.equals("shallow") && !f.equals("linear") && !f.equals("diagonal")) {
            throw new UsageException("--model must be shallow, linear or diagonal, got '" + model + "'");
        }
        return f;
    }

    /** The model: on target Φ (default 1) or on the data file; for the networks, their own options. */
    public ModelSpec model() {
        String family = family();
        checkGroups(family);
        if (family.equals("linear")) {
            return linearModel();
        }
        if (family.equals("diagonal")) {
            return diagonalModel();
        }
        if (phi != null && data != null) {
            throw new UsageException("give --phi or --data, not both");
        }
        return data != null ? ModelSpec.Shallow.ofData(data.toString())
                : ModelSpec.Shallow.ofPhi(phi == null ? 1.0 : requireFinite("--phi", phi));
    }

    /** The initialization (exactly one form). */
    public StartSpec start() {
        String family = family();
        checkGroups(family);
        if (family.equals("linear")) {
            return linearStart();
        }
        if (family.equals("diagonal")) {
            return diagonalStart();
        }
        ShallowGroup g = shallow == null ? new ShallowGroup() : shallow;
        List<String> forms = new ArrayList<>();
        if (g.a != null || g.b != null) {
            forms.add("--a/--b");
        }
        if (g.width != null || scale != null || g.scaleB != null || seed != null) {
            forms.add("--width/--scale/--scale-b/--seed");
        }
        if (g.m0 != null || g.lambda0 != null) {
            forms.add("--m0/--lambda0");
        }
        if (theta != null) {
            forms.add("--theta");
        }
        if (forms.isEmpty()) {
            throw new UsageException("no initialization: give one of --a/--b, --width/--scale or --m0/--lambda0");
        }
        if (forms.size() > 1) {
            throw new UsageException("give exactly one initialization form, got " + String.join(" and ", forms));
        }
        if (theta != null) {
            return new StartSpec.FromFile(theta.toString());
        }
        if (g.a != null || g.b != null) {
            if (g.a == null || g.b == null) {
                throw new UsageException("--a and --b must be given together");
            }
            return new StartSpec.Explicit(VectorPoint.of(g.a, g.b));
        }
        if (g.m0 != null || g.lambda0 != null) {
            if (g.m0 == null || g.lambda0 == null) {
                throw new UsageException("--m0 and --lambda0 must be given together");
            }
            return new StartSpec.Canonical(requireFinite("--m0", g.m0), requireFinite("--lambda0", g.lambda0));
        }
        if (scale == null) {
            throw new UsageException("Gaussian initialization needs --scale");
        }
        if (scale.length != 1) {
            throw new UsageException("--scale takes one value for the shallow model, got " + scale.length);
        }
        double s = requireFinite("--scale", scale[0]);
        double sb = g.scaleB == null ? s : requireFinite("--scale-b", g.scaleB);
        int d = g.width == null ? 1 : g.width;
        if (d < 1) {
            throw new UsageException("--width must be at least 1, got " + d);
        }
        if (s < 0 || sb < 0) {
            throw new UsageException("--scale and --scale-b must be non-negative");
        }
        return new StartSpec.Gaussian(d, s, sb, seed == null ? StartSpec.DEFAULT_SEED : seed);
    }

    /** Refuses the options of another family's group, and shared options this family does not take. */
    private void checkGroups(String family) {
        if (!family.equals("shallow") && shallow != null) {
            throw new UsageException(firstGiven(shallow) + " applies to --model shallow, not --model " + family);
        }
        if (!family.equals("linear") && linear != null) {
            throw new UsageException(firstGiven(linear) + " applies to --model linear, not --model " + family);
        }
        if (!family.equals("diagonal") && diagonal != null) {
            throw new UsageException(firstGiven(diagonal) + " applies to --model diagonal, not --model " + family);
        }
        if (family.equals("diagonal") && (phi != null || scale != null)) {
            throw new UsageException((phi != null ? "--phi" : "--scale") + " is not an option of --model diagonal "
                    + "(a diagonal network is trained on --data or --sparse and starts from --alpha or --theta)");
        }
    }

    private static String firstGiven(ShallowGroup g) {
        return g.a != null ? "--a" : g.b != null ? "--b" : g.width != null ? "--width" : g.scaleB != null ? "--scale-b"
                : g.m0 != null ? "--m0" : "--lambda0";
    }

    private static String firstGiven(LinearGroup g) {
        return g.depth != null ? "--depth" : g.widths != null ? "--widths" : g.target != null ? "--target"
                : g.spectrum != null ? "--target-spectrum" : g.targetSize != null ? "--target-size"
                : g.targetSeed != null ? "--target-seed" : g.balanced != null ? "--balanced" : "--imbalance";
    }

    private static String firstGiven(DiagonalGroup g) {
        return g.sparse != null ? "--sparse" : g.noise != null ? "--noise" : "--alpha";
    }

    private ModelSpec linearModel() {
        LinearGroup g = linear == null ? new LinearGroup() : linear;
        List<String> targets = new ArrayList<>();
        if (data != null) {
            targets.add("--data");
        }
        if (g.target != null) {
            targets.add("--target");
        }
        if (g.spectrum != null) {
            targets.add("--target-spectrum");
        }
        if (phi != null) {
            targets.add("--phi");
        }
        if (targets.size() > 1) {
            throw new UsageException("give one of --data, --target, --target-spectrum and --phi, got "
                    + String.join(" and ", targets));
        }
        if (g.spectrum == null && (g.targetSize != null || g.targetSeed != null)) {
            throw new UsageException((g.targetSize != null ? "--target-size" : "--target-seed")
                    + " needs --target-spectrum");
        }
        int depth = g.depth != null ? g.depth : g.widths != null ? g.widths.length + 1 : 2;
        List<Integer> widths = new ArrayList<>();
        if (g.widths != null) {
            for (int w : g.widths) {
                widths.add(w);
            }
        }
        try {
            LinearTarget target;
            if (data != null) {
                target = new LinearTarget.Data(data.toString());
            } else if (g.target != null) {
                target = new LinearTarget.Matrix(g.target.toString());
            } else if (g.spectrum != null) {
                if (g.targetSize == null) {
                    throw new UsageException("--target-spectrum needs --target-size QxP");
                }
                int[] size = size(g.targetSize);
                List<Double> s = new ArrayList<>();
                for (double v : g.spectrum) {
                    s.add(v);
                }
                target = new LinearTarget.Spectrum(s, size[0], size[1],
                        g.targetSeed == null ? StartSpec.DEFAULT_SEED : g.targetSeed);
            } else {
                target = new LinearTarget.Scalar(phi == null ? 1.0 : requireFinite("--phi", phi));
            }
            return new ModelSpec.Linear(depth, widths, target);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int[] size(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("--target-size must be QxP with integers Q and P, got '" + text + "'");
    }

    private StartSpec linearStart() {
        LinearGroup g = linear == null ? new LinearGroup() : linear;
        List<String> forms = new ArrayList<>();
        if (scale != null) {
            forms.add("--scale");
        }
        if (g.balanced != null) {
            forms.add("--balanced");
        }
        if (theta != null) {
            forms.add("--theta");
        }
        if (forms.isEmpty()) {
            throw new UsageException("no initialization: give one of --scale, --balanced and --theta");
        }
        if (forms.size() > 1) {
            throw new UsageException("give exactly one initialization form, got " + String.join(" and ", forms));
        }
        if (g.imbalance != null && g.balanced == null) {
            throw new UsageException("--imbalance needs --balanced");
        }
        if (theta != null && seed != null) {
            throw new UsageException("--seed has no effect with --theta");
        }
        long s = seed == null ? StartSpec.DEFAULT_SEED : seed;
        try {
            if (theta != null) {
                return new StartSpec.FromFile(theta.toString());
            }
            if (scale != null) {
                return new StartSpec.Layers(list(scale), s);
            }
            return new StartSpec.Balanced(list(g.balanced), g.imbalance == null ? 0 : number("--imbalance",
                    g.imbalance), s);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private ModelSpec diagonalModel() {
        DiagonalGroup g = diagonal == null ? new DiagonalGroup() : diagonal;
        if ((data == null) == (g.sparse == null)) {
            throw new UsageException("--model diagonal needs exactly one of --data and --sparse n,p,s");
        }
        if (data != null && (g.noise != null || seed != null)) {
            throw new UsageException((g.noise != null ? "--noise" : "--seed") + " applies to --sparse, not --data");
        }
        if (data != null) {
            return ModelSpec.Diagonal.ofData(data.toString());
        }
        if (g.sparse.length != 3) {
            throw new UsageException("--sparse takes three integers n,p,s, got " + g.sparse.length);
        }
        try {
            return ModelSpec.Diagonal.ofSparse(new ModelSpec.Sparse(g.sparse[0], g.sparse[1], g.sparse[2],
                    g.noise == null ? 0 : g.noise, seed == null ? StartSpec.DEFAULT_SEED : seed));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private StartSpec diagonalStart() {
        DiagonalGroup g = diagonal == null ? new DiagonalGroup() : diagonal;
        if ((g.alpha == null) == (theta == null)) {
            throw new UsageException(g.alpha == null ? "no initialization: give --alpha or --theta"
                    : "give exactly one initialization form, got --alpha and --theta");
        }
        try {
            return theta != null ? new StartSpec.FromFile(theta.toString())
                    : new StartSpec.Uniform(number("--alpha", g.alpha));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>();
        for (double v : values) {
            out.add(v);
        }
        return out;
    }

    /** A number given as text (options that sweeps take as ranges). */
    static double number(String option, String text) {
        try {
            return requireFinite(option, Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number, got '" + text + "'");
        }
    }

    static double requireFinite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new UsageException(option + " must be a finite number, got " + value);
        }
        return value;
    }
}
