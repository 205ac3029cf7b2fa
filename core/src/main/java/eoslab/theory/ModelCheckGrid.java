package eoslab.theory;

import eoslab.dynamics.StopRule;
import eoslab.grid.Axis;
import eoslab.model.linear.LinearStarts;
import eoslab.spec.EtaSpec;
import eoslab.spec.LinearTarget;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSettings;
import eoslab.spec.RunSpec;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases of {@code check --model linear|diagonal}: every start (a network, its target or data, and an
 * initialization) × every relative step η = c·2/λ_GF, each run with one stop rule.
 *
 * @param name    "built-in" or "user"
 * @param family  {@code linear} or {@code diagonal}
 * @param starts  the runs' templates (their step is replaced by each relative step)
 * @param etaRels the relative steps c, increasing
 * @param rule    budget and tolerance of every run (the tolerance is raised per start where L − L* cannot resolve it,
 *                see {@link eoslab.service.ModelRuns#gfsTolerance})
 */
public record ModelCheckGrid(String name, String family, List<RunSpec> starts, double[] etaRels, StopRule rule) {
    /** The built-in relative steps: 0.1, 0.3, …, 1.9. */
    public static final double[] DEFAULT_ETA_RELS = Axis.linspace(0.1, 1.9, 10);

    /** Validates and copies. */
    public ModelCheckGrid {
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
     * The built-in grid. Linear: scalar chains of depth 2, 3, 4 on Φ = 1 (Gaussian starts, the flattest balanced
     * minimum, balanced starts with chosen imbalance) and of depth 3 on Φ = −1.5; matrix factorization of a 4×3 target
     * with singular values 2, 1, 0.5 at inner width 3 and 2 (the latter with L* &gt; 0); a depth-3 network on a 3×3
     * target. Diagonal: two generated sparse problems at scales α = 0.1 and 0.3 of the start u = v = α1.
     */
    public static ModelCheckGrid builtIn(String family, StopRule rule) {
        List<RunSpec> starts = new ArrayList<>();
        if (family.equals("linear")) {
            for (int depth = 2; depth <= 4; depth++) {
                ModelSpec chain = chain(depth, 1.0);
                starts.add(run(chain, new StartSpec.Layers(List.of(0.5), 1), rule));
                starts.add(run(chain, new StartSpec.Layers(List.of(0.5), 2), rule));
                starts.add(run(chain, new StartSpec.Layers(List.of(1.0), 1), rule));
                long seed = positiveBalancedSeed(depth);
                starts.add(run(chain, new StartSpec.Balanced(List.of(1.0), 0, seed), rule));
                starts.add(run(chain, new StartSpec.Balanced(List.of(0.5), 0.5, seed), rule));
                starts.add(run(chain, new StartSpec.Balanced(List.of(0.3), 2.0, seed), rule));
            }
            ModelSpec negative = chain(3, -1.5);
            starts.add(run(negative, new StartSpec.Layers(List.of(0.8), 1), rule));
            starts.add(run(negative, new StartSpec.Layers(List.of(0.8), 3), rule));
            LinearTarget target = new LinearTarget.Spectrum(List.of(2.0, 1.0, 0.5), 4, 3, 7);
            ModelSpec full = new ModelSpec.Linear(2, List.of(3), target);
            starts.add(run(full, new StartSpec.Layers(List.of(0.3), 1), rule));
            starts.add(run(full, new StartSpec.Layers(List.of(0.3), 2), rule));
            starts.add(run(full, new StartSpec.Balanced(List.of(1.0, 0.5), 0, 1), rule));
            starts.add(run(full, new StartSpec.Balanced(List.of(1.0, 0.5), 1.0, 1), rule));
            ModelSpec narrow = new ModelSpec.Linear(2, List.of(2), target);
            starts.add(run(narrow, new StartSpec.Layers(List.of(0.3), 1), rule));
            starts.add(run(narrow, new StartSpec.Balanced(List.of(1.0, 0.5), 0.5, 1), rule));
            ModelSpec deep = new ModelSpec.Linear(3, List.of(3, 3),
                    new LinearTarget.Spectrum(List.of(1.5, 1.0, 0.5), 3, 3, 8));
            starts.add(run(deep, new StartSpec.Layers(List.of(0.5), 1), rule));
            starts.add(run(deep, new StartSpec.Balanced(List.of(1.0, 1.0, 1.0), 0.5, 1), rule));
        } else if (family.equals("diagonal")) {
            ModelSpec a = ModelSpec.Diagonal.ofSparse(new ModelSpec.Sparse(20, 40, 3, 0, 1));
            ModelSpec b = ModelSpec.Diagonal.ofSparse(new ModelSpec.Sparse(30, 10, 3, 0.1, 2));
            for (double alpha : new double[] {0.1, 0.3}) {
                starts.add(run(a, new StartSpec.Uniform(alpha), rule));
            }
            starts.add(run(b, new StartSpec.Uniform(0.3), rule));
        } else {
            throw new IllegalArgumentException("check --model must be shallow, linear or diagonal, got " + family);
        }
        return new ModelCheckGrid("built-in", family, starts, DEFAULT_ETA_RELS, rule);
    }

    /**
     * A user grid: the given dimensions replace the built-in ones.
     *
     * @param family  {@code linear} or {@code diagonal}
     * @param phis    linear: scalar targets Φ (chains and scalar networks), or null
     * @param depths  linear: depths, or null (default 2)
     * @param widths  linear: the hidden width of every hidden layer, or null (default 1)
     * @param scales  linear: Gaussian start scales, or null (default 0.5)
     * @param seeds   linear: start seeds; diagonal: problem seeds; or null (default 42)
     * @param sparse  diagonal: the generated problem {n, p, s}, or null (default 20, 40, 3)
     * @param noise   diagonal: its noise σ
     * @param alphas  diagonal: start scales α, or null (default 0.1, 0.3)
     * @param etaRels the relative steps (sorted, duplicates removed), or null for the built-in ones
     */
    public static ModelCheckGrid of(String family, double[] phis, double[] depths, double[] widths, double[] scales,
                                    long[] seeds, int[] sparse, double noise, double[] alphas, double[] etaRels,
                                    StopRule rule) {
        boolean user = phis != null || depths != null || widths != null || scales != null || seeds != null
                || sparse != null || alphas != null || etaRels != null;
        if (!user) {
            return builtIn(family, rule);
        }
        double[] rel = etaRels == null ? DEFAULT_ETA_RELS : sorted(etaRels);
        long[] seedList = seeds == null ? new long[] {StartSpec.DEFAULT_SEED} : seeds;
        List<RunSpec> starts = new ArrayList<>();
        if (family.equals("linear")) {
            if (sparse != null || alphas != null) {
                throw new IllegalArgumentException("--sparse and --alpha apply to check --model diagonal");
            }
            if (phis == null && depths == null && widths == null && scales == null && seeds == null) {
                for (RunSpec s : builtIn(family, rule).starts()) {
                    starts.add(s);
                }
            } else {
                for (double phi : phis == null ? new double[] {1.0} : phis) {
                    for (double d : depths == null ? new double[] {2} : depths) {
                        int depth = (int) Math.round(d);
                        for (double w : widths == null ? new double[] {1} : widths) {
                            int h = (int) Math.round(w);
                            if (h < 1) {
                                throw new IllegalArgumentException("--width must be at least 1, got " + w);
                            }
                            List<Integer> hidden = new ArrayList<>();
                            for (int i = 1; i < depth; i++) {
                                hidden.add(h);
                            }
                            ModelSpec m = new ModelSpec.Linear(depth, hidden, new LinearTarget.Scalar(phi));
                            for (double s : scales == null ? new double[] {0.5} : scales) {
                                for (long seed : seedList) {
                                    starts.add(run(m, new StartSpec.Layers(List.of(s), seed), rule));
                                }
                            }
                        }
                    }
                }
            }
        } else if (family.equals("diagonal")) {
            if (phis != null || depths != null || widths != null || scales != null) {
                throw new IllegalArgumentException("--phi, --depth, --width and --scale apply to check --model linear");
            }
            if (sparse == null && seeds == null && alphas == null) {
                starts.addAll(builtIn(family, rule).starts());
            } else {
                int[] nps = sparse == null ? new int[] {20, 40, 3} : sparse;
                if (nps.length != 3) {
                    throw new IllegalArgumentException("--sparse takes three integers n,p,s");
                }
                for (long seed : seedList) {
                    ModelSpec m = ModelSpec.Diagonal.ofSparse(new ModelSpec.Sparse(nps[0], nps[1], nps[2], noise,
                            seed));
                    for (double a : alphas == null ? new double[] {0.1, 0.3} : alphas) {
                        starts.add(run(m, new StartSpec.Uniform(a), rule));
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("check --model must be shallow, linear or diagonal, got " + family);
        }
        return new ModelCheckGrid("user", family, starts, rel, rule);
    }

    private static ModelSpec chain(int depth, double phi) {
        List<Integer> ones = new ArrayList<>();
        for (int i = 1; i < depth; i++) {
            ones.add(1);
        }
        return new ModelSpec.Linear(depth, ones, new LinearTarget.Scalar(phi));
    }

    /** The first seed whose balanced chain start (LinearStarts.balanced, widths 1) has a positive product. */
    static long positiveBalancedSeed(int depth) {
        int[] widths = new int[depth + 1];
        Arrays.fill(widths, 1);
        for (long seed = 1; ; seed++) {
            double[] w = LinearStarts.balanced(widths, new double[] {1.0}, seed);
            double product = 1;
            for (double x : w) {
                product *= x;
            }
            if (product > 0) {
                return seed;
            }
        }
    }

    private static RunSpec run(ModelSpec model, StartSpec start, StopRule rule) {
        return RunSettings.gd(rule).run(model, start, new EtaSpec.Relative(1));
    }

    private static double[] sorted(double[] values) {
        double[] v = Arrays.stream(values).sorted().distinct().toArray();
        if (v[0] <= 0) {
            throw new IllegalArgumentException("--eta-rel values must be positive, got " + v[0]);
        }
        return v;
    }

    /** Number of GD runs. */
    public long cases() {
        return (long) starts.size() * etaRels.length;
    }

    /** The provenance of the grid, for manifests and --json. */
    public Map<String, Object> describe() {
        List<Map<String, Object>> s = new ArrayList<>();
        for (RunSpec r : starts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", r.model().describe());
            m.put("start", r.start().describe());
            s.add(m);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("grid", name);
        m.put("model", family);
        m.put("starts", s);
        m.put("eta_rel_min", etaRels[0]);
        m.put("eta_rel_max", etaRels[etaRels.length - 1]);
        m.put("eta_rel_count", etaRels.length);
        m.put("steps", rule.maxSteps());
        m.put(rule.relative() ? "tol_rel" : "tol", rule.tol());
        return m;
    }
}
