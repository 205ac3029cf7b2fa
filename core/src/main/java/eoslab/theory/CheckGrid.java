package eoslab.theory;

import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.service.Runs;
import eoslab.spec.ProblemSpec;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of a check: every start × every relative step η = c·2/λ_GF, each run with one stop rule.
 *
 * @param name     "built-in" or "user"
 * @param starts   the starts
 * @param etaRels  the relative steps c, increasing
 * @param rule     budget and tolerance of every run
 */
public record CheckGrid(String name, List<ProblemSpec> starts, double[] etaRels, StopRule rule) {
    /** Default step budget of a check run. */
    public static final long DEFAULT_STEPS = 100_000;
    /** Default number of relative steps of the built-in grid (dense, for claim 5). */
    public static final int DEFAULT_ETA_COUNT = 2000;
    /** Smallest relative step of the built-in grid. */
    public static final double ETA_REL_MIN = 0.01;
    /** Largest relative step of the built-in grid. */
    public static final double ETA_REL_MAX = 2.0;

    /**
     * Validates and copies: every start is resolved as {@code run} resolves it (|Φ| and the initial norm at most
     * 1e100, with run's messages) before any run.
     */
    public CheckGrid {
        starts = List.copyOf(starts);
        for (ProblemSpec p : starts) {
            Runs.resolve(p.model(), p.start());
        }
        etaRels = etaRels.clone();
        for (int i = 0; i < etaRels.length; i++) {
            if (!(etaRels[i] > 0) || Double.isInfinite(etaRels[i])) {
                throw new IllegalArgumentException("relative steps must be finite and positive, got " + etaRels[i]);
            }
            if (i > 0 && etaRels[i] <= etaRels[i - 1]) {
                throw new IllegalArgumentException("relative steps must be increasing");
            }
        }
    }

    /**
     * The built-in grid: Φ = 1 (by scale invariance every Φ ≠ 0 is Φ = ±1) with 17 canonical starts from tiny to
     * large, balanced to strongly unbalanced and with m0 of either sign (the last, aᵀb = 4.5, ‖a‖² + ‖b‖² = 9.0001,
     * is far from the target: inside its convergence region η|ε0| exceeds √2, models.md §1.4), 4 Gaussian starts of
     * widths 5 to 100, and two starts with Φ = −2; relative steps evenly spaced on [{@value #ETA_REL_MIN},
     * {@value #ETA_REL_MAX}].
     *
     * @param etaCount number of relative steps (≥ 2)
     */
    public static CheckGrid builtIn(int etaCount, StopRule rule) {
        double[][] canonical = {{0.0, 0.02}, {0.0, 0.5}, {0.1, 1.0}, {0.25, 0.6}, {0.5, 1.0}, {0.5, 2.0}, {0.5, 3.0},
            {0.9, 1.9}, {0.9, 4.0}, {1.1, 2.3}, {1.2, 2.4}, {1.5, 3.5}, {2.0, 5.0}, {-0.5, 1.2}, {-0.25, 3.0},
            {0.0, 3.0}, {4.5, 9.0001}};
        List<ProblemSpec> starts = new ArrayList<>();
        for (double[] c : canonical) {
            starts.add(ProblemSpec.of(1.0, new StartSpec.Canonical(c[0], c[1])));
        }
        starts.add(ProblemSpec.of(1.0, new StartSpec.Gaussian(5, 0.3, 0.3, 1)));
        starts.add(ProblemSpec.of(1.0, new StartSpec.Gaussian(5, 0.3, 0.3, 2)));
        starts.add(ProblemSpec.of(1.0, new StartSpec.Gaussian(20, 0.5, 0.5, 1)));
        starts.add(ProblemSpec.of(1.0, new StartSpec.Gaussian(100, 0.1, 0.1, 1)));
        starts.add(ProblemSpec.of(-2.0, new StartSpec.Canonical(-1.0, 3.0)));
        starts.add(ProblemSpec.of(-2.0, new StartSpec.Canonical(0.5, 2.0)));
        return new CheckGrid("built-in", starts, Axis.linspace(ETA_REL_MIN, ETA_REL_MAX, etaCount), rule);
    }

    /**
     * The grid of {@code eoslab check}: the built-in one when no dimension is given, else a user grid in which each
     * given dimension replaces the built-in one. Starts are canonical ({@code m0s} with {@code lambda0s}; pairs with
     * λ₀ &lt; 2|m₀| are skipped) or Gaussian ({@code scales} × {@code widths} × {@code seeds}), each with every Φ of
     * {@code phis} (default 1; for the built-in starts, their own Φ).
     *
     * @param phis     targets, or null
     * @param m0s      canonical products, or null
     * @param lambda0s canonical norms, or null
     * @param scales   Gaussian scales, or null
     * @param widths   Gaussian widths (rounded to integers), or null
     * @param seeds    Gaussian seeds, or null (default 42)
     * @param etaRels  relative steps (sorted, duplicates removed), or null for the built-in ones
     * @param rule     budget and tolerance of every run
     * @throws IllegalArgumentException for contradictory or invalid dimensions
     */
    public static CheckGrid of(double[] phis, double[] m0s, double[] lambda0s, double[] scales, double[] widths,
                               long[] seeds, double[] etaRels, StopRule rule) {
        CheckGrid builtIn = builtIn(DEFAULT_ETA_COUNT, rule);
        if (phis == null && m0s == null && lambda0s == null && scales == null && widths == null && seeds == null
                && etaRels == null) {
            return builtIn;
        }
        double[] rel = etaRels == null ? builtIn.etaRels() : sortedPositive("--eta-rel", etaRels);
        List<StartSpec> inits = starts(m0s, lambda0s, scales, widths, seeds);
        List<ProblemSpec> starts = new ArrayList<>();
        if (inits == null) {
            for (ProblemSpec p : builtIn.starts()) {
                if (phis == null) {
                    starts.add(p);
                } else {
                    for (double f : phis) {
                        starts.add(ProblemSpec.of(f, p.start()));
                    }
                }
            }
        } else {
            for (double f : phis == null ? new double[] {1.0} : phis) {
                for (StartSpec init : inits) {
                    starts.add(ProblemSpec.of(f, init));
                }
            }
        }
        return new CheckGrid("user", starts, rel, rule);
    }

    /** The starts given by the dimensions, or null for the built-in ones. */
    private static List<StartSpec> starts(double[] m0s, double[] lambda0s, double[] scales, double[] widths,
                                          long[] seeds) {
        boolean canonical = m0s != null || lambda0s != null;
        boolean gaussian = scales != null || widths != null || seeds != null;
        if (canonical && gaussian) {
            throw new IllegalArgumentException("give --m0/--lambda0 or --scale/--width/--seed, not both");
        }
        List<StartSpec> inits = new ArrayList<>();
        if (canonical) {
            if (m0s == null || lambda0s == null) {
                throw new IllegalArgumentException("--m0 and --lambda0 must be given together");
            }
            for (double m : m0s) {
                for (double l : lambda0s) {
                    if (l >= 2 * Math.abs(m)) {
                        inits.add(new StartSpec.Canonical(m, l));
                    }
                }
            }
            if (inits.isEmpty()) {
                throw new IllegalArgumentException("no pair of --m0 and --lambda0 satisfies lambda0 >= 2|m0|");
            }
            return inits;
        }
        if (gaussian) {
            if (scales == null) {
                throw new IllegalArgumentException("Gaussian starts need --scale");
            }
            double[] ws = widths == null ? new double[] {1} : widths;
            long[] seedList = seeds == null ? new long[] {StartSpec.DEFAULT_SEED} : seeds;
            for (double s : scales) {
                if (s < 0) {
                    throw new IllegalArgumentException("--scale must be non-negative, got " + s);
                }
                for (double w : ws) {
                    int d = (int) Math.round(w);
                    if (d < 1) {
                        throw new IllegalArgumentException("--width must be at least 1, got " + w);
                    }
                    for (long seed : seedList) {
                        inits.add(new StartSpec.Gaussian(d, s, s, seed));
                    }
                }
            }
            return inits;
        }
        return null;
    }

    private static double[] sortedPositive(String option, double[] values) {
        double[] v = Arrays.stream(values).sorted().distinct().toArray();
        if (v[0] <= 0) {
            throw new IllegalArgumentException(option + " values must be positive, got " + v[0]);
        }
        return v;
    }


    /** Number of GD runs. */
    public long cases() {
        return (long) starts.size() * etaRels.length;
    }

    /** The provenance of the grid, for manifests. */
    public Map<String, Object> describe() {
        List<Map<String, Object>> s = new ArrayList<>();
        for (ProblemSpec p : starts) {
            s.add(p.describe());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grid", name);
        m.put("starts", s);
        m.put("eta_rel_min", etaRels[0]);
        m.put("eta_rel_max", etaRels[etaRels.length - 1]);
        m.put("eta_rel_count", etaRels.length);
        m.put("steps", rule.maxSteps());
        m.put(rule.relative() ? "tol_rel" : "tol", rule.tol());
        return m;
    }
}
