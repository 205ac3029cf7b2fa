package eoslab.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run measures of the Hessian, as given: the estimator of its top eigenvalues ({@code --sharpness}), how many
 * ({@code --top-k}), how often along GD ({@code --sharpness-every k}: every k-th step, 0 = at the start and the end
 * only), and the GF-solution sharpness ({@code --gfs-every k}: also from every k-th iterate, 0 = from the start only;
 * {@code --no-gfs}: not at all). Measurements never change the iterates. The shallow model's summaries use its closed
 * forms and ignore these settings.
 *
 * @param method   {@code auto} (closed form where the model has one everywhere, else the dense solver up to
 *                 {@link #AUTO_DENSE_MAX} parameters, else Lanczos), {@code lanczos}, {@code arpack}, {@code dense} or
 *                 {@code exact}
 * @param topK     number of top eigenvalues, ≥ 1
 * @param every    sharpness every k-th step along GD (0: start and end only)
 * @param gfsEvery GF-solution sharpness every k-th step along GD (0: from the start only)
 * @param gfs      whether the GF-solution sharpness is computed at all
 */
public record SharpnessSpec(String method, int topK, long every, long gfsEvery, boolean gfs) {
    /** The estimators. */
    public static final Set<String> METHODS = Set.of("auto", "lanczos", "arpack", "dense", "exact");
    /** Up to this many parameters {@code auto} assembles the Hessian (a dense solve is exact and cheap there). */
    public static final int AUTO_DENSE_MAX = 200;
    /** The defaults: automatic estimator, top eigenvalue, at the start and the end, GF-solution sharpness at the start. */
    public static final SharpnessSpec DEFAULT = new SharpnessSpec("auto", 1, 0, 0, true);

    /** Validates. */
    public SharpnessSpec {
        if (method == null || !METHODS.contains(method)) {
            throw new IllegalArgumentException("--sharpness must be auto, lanczos, arpack, dense or exact, got '"
                    + method + "'");
        }
        if (topK < 1) {
            throw new IllegalArgumentException("--top-k must be at least 1, got " + topK);
        }
        if (every < 0) {
            throw new IllegalArgumentException("--sharpness-every must be at least 0, got " + every);
        }
        if (gfsEvery < 0) {
            throw new IllegalArgumentException("--gfs-every must be at least 0, got " + gfsEvery);
        }
        if (!gfs && gfsEvery > 0) {
            throw new IllegalArgumentException("--gfs-every and --no-gfs contradict each other");
        }
    }

    /** The JSON form. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("top_k", topK);
        m.put("every", every);
        m.put("gfs_every", gfsEvery);
        m.put("gfs", gfs);
        return m;
    }

    /** Reads the form written by {@link #describe()} (missing fields take their defaults). */
    public static SharpnessSpec parse(Object json) {
        Fields f = Fields.of(json, "spec.sharpness");
        return new SharpnessSpec(f.has("method") ? f.string("method") : DEFAULT.method,
                f.has("top_k") ? Math.toIntExact(f.integer("top_k")) : DEFAULT.topK,
                f.has("every") ? f.integer("every") : DEFAULT.every,
                f.has("gfs_every") ? f.integer("gfs_every") : DEFAULT.gfsEvery,
                f.has("gfs") ? f.bool("gfs") : DEFAULT.gfs);
    }

    /** The options that recreate it (those that differ from the defaults). */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        if (!method.equals(DEFAULT.method)) {
            args.addAll(List.of("--sharpness", method));
        }
        if (topK != DEFAULT.topK) {
            args.addAll(List.of("--top-k", Integer.toString(topK)));
        }
        if (every != DEFAULT.every) {
            args.addAll(List.of("--sharpness-every", Long.toString(every)));
        }
        if (gfsEvery != DEFAULT.gfsEvery) {
            args.addAll(List.of("--gfs-every", Long.toString(gfsEvery)));
        }
        if (!gfs) {
            args.add("--no-gfs");
        }
        return args;
    }

    /** The same settings with another sampling interval along GD. */
    public SharpnessSpec withEvery(long k) {
        return new SharpnessSpec(method, topK, k, gfsEvery, gfs);
    }
}
