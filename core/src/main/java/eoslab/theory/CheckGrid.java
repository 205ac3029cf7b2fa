package eoslab.theory;

import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
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
public record CheckGrid(String name, List<GridPoint> starts, double[] etaRels, StopRule rule) {
    /** Default step budget of a check run. */
    public static final long DEFAULT_STEPS = 100_000;
    /** Default number of relative steps of the built-in grid (dense, for claim 5). */
    public static final int DEFAULT_ETA_COUNT = 2000;
    /** Smallest relative step of the built-in grid. */
    public static final double ETA_REL_MIN = 0.01;
    /** Largest relative step of the built-in grid. */
    public static final double ETA_REL_MAX = 2.0;

    /** Validates and copies. */
    public CheckGrid {
        starts = List.copyOf(starts);
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
     * The built-in grid: Φ = 1 (by scale invariance every Φ ≠ 0 is Φ = ±1) with 16 canonical starts from tiny to
     * large, balanced to strongly unbalanced and with m0 of either sign, 4 Gaussian starts of widths 5 to 100, and
     * two starts with Φ = −2; relative steps evenly spaced on [{@value #ETA_REL_MIN}, {@value #ETA_REL_MAX}].
     *
     * @param etaCount number of relative steps (≥ 2)
     */
    public static CheckGrid builtIn(int etaCount, StopRule rule) {
        double[][] canonical = {{0.0, 0.02}, {0.0, 0.5}, {0.1, 1.0}, {0.25, 0.6}, {0.5, 1.0}, {0.5, 2.0}, {0.5, 3.0},
            {0.9, 1.9}, {0.9, 4.0}, {1.1, 2.3}, {1.2, 2.4}, {1.5, 3.5}, {2.0, 5.0}, {-0.5, 1.2}, {-0.25, 3.0},
            {0.0, 3.0}};
        List<GridPoint> starts = new ArrayList<>();
        for (double[] c : canonical) {
            starts.add(new GridPoint(1.0, new StartSpec.Canonical(c[0], c[1])));
        }
        starts.add(new GridPoint(1.0, new StartSpec.Gaussian(5, 0.3, 0.3, 1)));
        starts.add(new GridPoint(1.0, new StartSpec.Gaussian(5, 0.3, 0.3, 2)));
        starts.add(new GridPoint(1.0, new StartSpec.Gaussian(20, 0.5, 0.5, 1)));
        starts.add(new GridPoint(1.0, new StartSpec.Gaussian(100, 0.1, 0.1, 1)));
        starts.add(new GridPoint(-2.0, new StartSpec.Canonical(-1.0, 3.0)));
        starts.add(new GridPoint(-2.0, new StartSpec.Canonical(0.5, 2.0)));
        return new CheckGrid("built-in", starts, linspace(ETA_REL_MIN, ETA_REL_MAX, etaCount), rule);
    }

    /**
     * count evenly spaced values from start to stop inclusive (count = 1: start), exactly the values of the range
     * {@code start:stop:count} everywhere else ({@link Axis}).
     */
    public static double[] linspace(double start, double stop, int count) {
        return new Axis("range", start, stop, count, false).values();
    }

    /** Number of GD runs. */
    public long cases() {
        return (long) starts.size() * etaRels.length;
    }

    /** The provenance of the grid, for manifests. */
    public Map<String, Object> describe() {
        List<Map<String, Object>> s = new ArrayList<>();
        for (GridPoint p : starts) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("phi", p.phi());
            m.putAll(p.init().describe());
            s.add(m);
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("grid", name);
        m.put("starts", s);
        m.put("eta_rel_min", etaRels[0]);
        m.put("eta_rel_max", etaRels[etaRels.length - 1]);
        m.put("eta_rel_count", etaRels.length);
        m.put("steps", rule.maxSteps());
        m.put("tol", rule.tol());
        return m;
    }
}
