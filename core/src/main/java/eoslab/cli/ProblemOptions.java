package eoslab.cli;

import eoslab.model.shallow.VectorPoint;
import eoslab.spec.ModelSpec;
import eoslab.spec.StartSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The shared options that fix the problem (target Φ or a data set) and the initialization (exactly one form). */
public final class ProblemOptions {
    @Option(names = "--a", split = ",", paramLabel = "x1,x2,…",
            description = "Explicit initial vector a (use with --b; equal lengths d >= 1). No default: give exactly one "
                    + "initialization form, --a/--b, --width/--scale or --m0/--lambda0.")
    double[] a;

    @Option(names = "--b", split = ",", paramLabel = "y1,y2,…", description = "Explicit initial vector b (use with --a; no default).")
    double[] b;

    @Option(names = "--width", paramLabel = "d",
            description = "Gaussian initialization: width d (default 1 when --scale is given).")
    Integer width;

    @Option(names = "--scale", paramLabel = "σ", description = "Gaussian initialization: a_i ~ N(0, σ²) (no default; selects this form).")
    Double scale;

    @Option(names = "--scale-b", paramLabel = "σ_b", description = "Gaussian initialization: b_i ~ N(0, σ_b²) (default σ).")
    Double scaleB;

    @Option(names = "--seed", paramLabel = "n",
            description = "Seed of the Gaussian initialization (java.util.Random; same vectors on every machine; "
                    + "default 42).")
    Long seed;

    @Option(names = "--m0", paramLabel = "m", description = "Canonical initialization: aᵀb = m (use with --lambda0; no default).")
    Double m0;

    @Option(names = "--lambda0", paramLabel = "λ",
            description = "Canonical initialization: ‖a‖² + ‖b‖² = λ (requires λ >= 2|m|; no default). Width 1 loses "
                    + "nothing: GD and GF depend only on (m, λ) (docs/model.md §3).")
    Double lambda0;

    @Option(names = "--phi", paramLabel = "Φ", description = "Target Φ of L = ½(aᵀb − Φ)² (default 1).")
    Double phi;

    @Option(names = "--data", paramLabel = "FILE.csv",
            description = "Scalar data set with columns x,y: loss (1/2n)Σ(aᵀb·x − y)², which equals σ²·½(aᵀb − Φ)² + const "
                    + "with σ² = mean x², Φ = Σxy/Σx²; --eta is then the step on this data loss (model step ησ²). Default: none "
                    + "(use --phi).")
    Path data;

    /** The model: on target Φ (default 1) or on the data file. */
    public ModelSpec model() {
        if (phi != null && data != null) {
            throw new UsageException("give --phi or --data, not both");
        }
        return data != null ? ModelSpec.Shallow.ofData(data.toString())
                : ModelSpec.Shallow.ofPhi(phi == null ? 1.0 : requireFinite("--phi", phi));
    }

    /** The initialization (exactly one form). */
    public StartSpec start() {
        List<String> forms = new ArrayList<>();
        if (a != null || b != null) {
            forms.add("--a/--b");
        }
        if (width != null || scale != null || scaleB != null || seed != null) {
            forms.add("--width/--scale/--scale-b/--seed");
        }
        if (m0 != null || lambda0 != null) {
            forms.add("--m0/--lambda0");
        }
        if (forms.isEmpty()) {
            throw new UsageException("no initialization: give one of --a/--b, --width/--scale or --m0/--lambda0");
        }
        if (forms.size() > 1) {
            throw new UsageException("give exactly one initialization form, got " + String.join(" and ", forms));
        }
        if (a != null || b != null) {
            if (a == null || b == null) {
                throw new UsageException("--a and --b must be given together");
            }
            return new StartSpec.Explicit(VectorPoint.of(a, b));
        }
        if (m0 != null || lambda0 != null) {
            if (m0 == null || lambda0 == null) {
                throw new UsageException("--m0 and --lambda0 must be given together");
            }
            return new StartSpec.Canonical(requireFinite("--m0", m0), requireFinite("--lambda0", lambda0));
        }
        if (scale == null) {
            throw new UsageException("Gaussian initialization needs --scale");
        }
        double s = requireFinite("--scale", scale);
        double sb = scaleB == null ? s : requireFinite("--scale-b", scaleB);
        int d = width == null ? 1 : width;
        if (d < 1) {
            throw new UsageException("--width must be at least 1, got " + d);
        }
        if (s < 0 || sb < 0) {
            throw new UsageException("--scale and --scale-b must be non-negative");
        }
        return new StartSpec.Gaussian(d, s, sb, seed == null ? StartSpec.DEFAULT_SEED : seed);
    }

    static double requireFinite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new UsageException(option + " must be a finite number, got " + value);
        }
        return value;
    }
}
