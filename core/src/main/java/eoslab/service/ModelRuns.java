package eoslab.service;

import eoslab.dynamics.StopRule;
import eoslab.dynamics.Stepper;
import eoslab.gradientflow.GfsSharpness;
import eoslab.io.MatrixFile;
import eoslab.io.ThetaJson;
import eoslab.io.VectorDataCsv;
import eoslab.model.Model;
import eoslab.model.diagonal.DiagonalModel;
import eoslab.model.diagonal.DiagonalStarts;
import eoslab.model.diagonal.SparseData;
import eoslab.model.linear.DeepLinearModel;
import eoslab.model.linear.LinearStarts;
import eoslab.model.linear.Moments;
import eoslab.sharpness.Sharpness;
import eoslab.spec.EtaSpec;
import eoslab.spec.LinearTarget;
import eoslab.spec.ModelSpec;
import eoslab.spec.RunSpec;
import eoslab.spec.SharpnessSpec;
import eoslab.spec.StartSpec;
import java.nio.file.Path;

/**
 * Resolves specifications of deep linear and diagonal networks: the one place where their data are read, targets
 * generated, starts drawn, and η computed from what the user gave (a relative step is relative to λ_GF, the
 * GF-solution sharpness of the start).
 */
public final class ModelRuns {
    /** The time limit of gradient flows is this many times 1/S₀ (S₀ the sharpness at the start). */
    public static final double FLOW_TIME_SCALE = 1e6;

    private ModelRuns() {
    }

    /**
     * Builds the model and draws the start.
     *
     * @throws IllegalArgumentException with a one-line message for an unreadable or malformed file, a start that does
     *                                  not fit the model, or a start beyond the divergence bound
     */
    public static ModelProblem resolve(ModelSpec modelSpec, StartSpec startSpec) {
        ModelProblem p;
        if (modelSpec instanceof ModelSpec.Linear l) {
            p = linear(l, startSpec);
        } else if (modelSpec instanceof ModelSpec.Diagonal d) {
            p = diagonal(d, startSpec);
        } else {
            throw new IllegalArgumentException("the shallow model runs on its own engines (Runs.resolve)");
        }
        double norm = 0;
        for (double x : p.start()) {
            norm += x * x;
        }
        if (!(norm <= Stepper.DIVERGENCE_NORM)) {
            throw new IllegalArgumentException("the initial norm ‖θ‖² = " + norm + " exceeds the divergence bound 1e100");
        }
        return p;
    }

    private static ModelProblem linear(ModelSpec.Linear spec, StartSpec start) {
        Moments moments;
        int rows = 0;
        LinearTarget t = spec.target();
        if (t instanceof LinearTarget.Data d) {
            VectorDataCsv.Data data = VectorDataCsv.read(Path.of(d.file()));
            moments = wrap(d.file(), () -> Moments.fromSamples(data.x(), data.y()));
            rows = data.samples();
        } else if (t instanceof LinearTarget.Matrix m) {
            double[][] phi = MatrixFile.read(Path.of(m.file()));
            moments = wrap(m.file(), () -> Moments.target(phi));
        } else if (t instanceof LinearTarget.Spectrum s) {
            double[] values = s.values().stream().mapToDouble(Double::doubleValue).toArray();
            moments = Moments.target(LinearStarts.targetFromSpectrum(values, s.rows(), s.cols(), s.seed()));
        } else {
            moments = Moments.target(new double[][] {{((LinearTarget.Scalar) t).phi()}});
        }
        int p = moments.inputs();
        int q = moments.outputs();
        int depth = spec.depth();
        int[] widths = new int[depth + 1];
        widths[0] = p;
        widths[depth] = q;
        for (int i = 1; i < depth; i++) {
            widths[i] = spec.widths().isEmpty() ? Math.min(p, q) : spec.widths().get(i - 1);
        }
        long parameters = 0;
        for (int i = 1; i <= depth; i++) {
            parameters += (long) widths[i] * widths[i - 1];
        }
        if (parameters > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("the network has " + parameters + " parameters, more than a Java array "
                    + "holds");
        }
        DeepLinearModel model = DeepLinearModel.of(widths, moments);
        double[] theta0;
        if (start instanceof StartSpec.Layers g) {
            theta0 = LinearStarts.gaussian(widths, g.scalesFor(depth), g.seed());
        } else if (start instanceof StartSpec.Balanced b) {
            double[] s = b.spectrum().stream().mapToDouble(Double::doubleValue).toArray();
            theta0 = b.imbalance() == 0 ? LinearStarts.balanced(widths, s, b.seed())
                    : LinearStarts.imbalanced(widths, s, imbalanceParameter(depth, s, b.imbalance()), b.seed());
        } else if (start instanceof StartSpec.FromFile f) {
            theta0 = ThetaJson.read(Path.of(f.file()), model.layout());
        } else {
            throw new IllegalArgumentException(notFor("--model linear", start)
                    + " (a linear network starts from --scale, --balanced or --theta)");
        }
        return new ModelProblem(spec, start, model, theta0, rows, null);
    }

    private static ModelProblem diagonal(ModelSpec.Diagonal spec, StartSpec start) {
        DiagonalModel model;
        int rows;
        double[] planted = null;
        if (spec.data() != null) {
            VectorDataCsv.Data data = VectorDataCsv.read(Path.of(spec.data()));
            if (data.outputs() != 1) {
                throw new IllegalArgumentException("data file " + spec.data() + " has " + data.outputs()
                        + " outputs; a diagonal network has one (column y)");
            }
            model = wrap(spec.data(), () -> DiagonalModel.fromData(data.x(), data.output()));
            rows = data.samples();
        } else {
            ModelSpec.Sparse s = spec.sparse();
            SparseData data = SparseData.generate(s.n(), s.p(), s.s(), s.noise(), s.seed());
            model = DiagonalModel.fromData(data.x(), data.y());
            rows = s.n();
            planted = data.beta();
        }
        double[] theta0;
        if (start instanceof StartSpec.Uniform u) {
            theta0 = DiagonalStarts.uniform(model.inputs(), u.alpha());
        } else if (start instanceof StartSpec.FromFile f) {
            theta0 = ThetaJson.read(Path.of(f.file()), model.layout());
        } else {
            throw new IllegalArgumentException(notFor("--model diagonal", start)
                    + " (a diagonal network starts from --alpha or --theta)");
        }
        return new ModelProblem(spec, start, model, theta0, rows, planted);
    }

    private static String notFor(String model, StartSpec start) {
        String init = String.valueOf(start.describe().get("init"));
        String options = switch (init) {
            case "explicit" -> "--a/--b";
            case "gaussian" -> "--width/--scale-b";
            case "canonical" -> "--m0/--lambda0";
            case "layers" -> "--scale";
            case "balanced" -> "--balanced";
            case "uniform" -> "--alpha";
            default -> init;
        };
        return options + " is not an initialization of " + model;
    }

    /** Reads what depends on a file's content, prefixing the file to a complaint about it. */
    private static <T> T wrap(String file, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /**
     * The t ≥ 0 of {@link LinearStarts#imbalanced} whose imbalance 2 sinh(t)·(Σ_j s_j^{2/D})·Σ_{i=1}^{D−1} e^{t(2i−D)}
     * equals Q (increasing in t; by bisection to full precision).
     */
    static double imbalanceParameter(int depth, double[] s, double q) {
        double mass = 0;
        for (double x : s) {
            mass += StrictMath.pow(x, 2.0 / depth);
        }
        if (!(mass > 0)) {
            throw new IllegalArgumentException("--imbalance needs a non-zero --balanced spectrum");
        }
        double hi = 1;
        while (imbalanceOf(depth, mass, hi) < q) {
            hi *= 2;
            if (hi > 1e3) {
                throw new IllegalArgumentException("--imbalance " + q + " is too large for this spectrum");
            }
        }
        double lo = 0;
        for (int i = 0; i < 200 && lo < hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (imbalanceOf(depth, mass, mid) < q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.abs(imbalanceOf(depth, mass, lo) - q) <= Math.abs(imbalanceOf(depth, mass, hi) - q) ? lo : hi;
    }

    private static double imbalanceOf(int depth, double mass, double t) {
        double sum = 0;
        for (int i = 1; i < depth; i++) {
            sum += StrictMath.exp(t * (2 * i - depth));
        }
        return 2 * StrictMath.sinh(t) * mass * sum;
    }

    /**
     * Resolves a run: the problem, λ_GF of the start (unless {@code --no-gfs}), and η.
     *
     * @throws IllegalArgumentException as {@link #resolve(ModelSpec, StartSpec)}, for decimal arithmetic or the
     *                                  reduced engine (shallow only), and for a relative step without λ_GF
     */
    public static ModelRun resolve(RunSpec spec) {
        return resolve(spec, start(spec));
    }

    /**
     * Resolves the problem of a run and measures its start: the time limit of its gradient flows and, unless
     * {@code --no-gfs}, the GF-solution sharpness λ_GF (what grids of step sizes from one start share).
     */
    public static ModelStart start(RunSpec spec) {
        checkEngine(spec);
        ModelProblem problem = resolve(spec.model(), spec.start());
        double scale = residualScale(problem.model());
        StopRule stop = spec.stop().absolute(scale);
        double tol = gfsTolerance(stop, problem.model());
        double limit = flowTimeLimit(spec.sharpness(), problem, stop);
        GfsSharpness gfs = spec.sharpness().gfs() ? new GfsComputer(problem, tol, limit,
                Sharpnesses.create(spec.sharpness(), problem, stop.tol())).at(problem.start()) : null;
        return new ModelStart(problem, gfs, tol, limit, scale);
    }

    /**
     * Resolves a run from its measured start.
     *
     * @throws IllegalArgumentException if the start is not the specification's, and as {@link #resolve(RunSpec)}
     */
    public static ModelRun resolve(RunSpec spec, ModelStart start) {
        checkEngine(spec);
        ModelProblem problem = start.problem();
        if (!spec.model().equals(problem.modelSpec()) || !spec.start().equals(problem.startSpec())) {
            throw new IllegalArgumentException("the resolved start is not the specification's");
        }
        GfsSharpness gfs = spec.sharpness().gfs() ? start.gfs() : null;
        if (spec.eta() instanceof EtaSpec.Critical) {
            throw new IllegalArgumentException("--eta-crit applies to --model shallow (the exact convergence boundary "
                    + "η* is the shallow model's)");
        }
        double eta;
        if (spec.eta() instanceof EtaSpec.Relative r) {
            if (gfs == null) {
                throw new IllegalArgumentException(spec.sharpness().gfs()
                        ? "--eta-rel is undefined here: the gradient flow from the start did not reach the tolerance"
                        : "--eta-rel is relative to the GF-solution sharpness: it cannot be used with --no-gfs");
            }
            if (!(gfs.value() > 0)) {
                throw new IllegalArgumentException("--eta-rel is undefined here: the GF-solution sharpness is "
                        + gfs.value());
            }
            eta = r.value() * 2 / gfs.value();
        } else {
            eta = spec.eta().value();
        }
        return new ModelRun(spec, problem, eta, gfs, start.gfsTolerance(), start.flowTimeLimit(),
                stopRule(spec.stop(), start.residualScale(), problem.model()));
    }

    /**
     * The stop rule of a run: a relative tolerance (the default, {@code --tol-rel}) times the residual scale, raised to
     * the {@link #resolution} where it falls below it (a noisy regression's L − L* resolves nothing below 256 ulps of
     * L*, so the default would otherwise never be reached); an absolute {@code --tol} as given (the CLI warns when it
     * is below the resolution).
     */
    static StopRule stopRule(StopRule given, double scale, Model model) {
        StopRule stop = given.absolute(scale);
        double floor = resolution(model);
        return given.relative() && stop.tol() > 0 && stop.tol() < floor ? new StopRule(stop.maxSteps(), floor) : stop;
    }

    /**
     * What a relative tolerance ({@code --tol-rel}) of a network is relative to: the residual √(2(L(0) − L*)) of the
     * zero network, which is |Φ| on a scalar target as for the shallow model; 1 when the zero network is a global
     * minimum.
     */
    public static double residualScale(Model model) {
        double gap = model.loss(new double[model.dimension()]) - model.minimumLoss();
        double scale = Math.sqrt(2 * Math.max(0, gap));
        return scale > 0 && Double.isFinite(scale) ? scale : 1;
    }

    /**
     * The residual tolerance of gradient flows: the run's τ (the default τ when it is 0), raised where needed so that
     * τ²/2 is at least 256 ulps of L* (L − L* is a difference and cannot be resolved below that).
     */
    public static double gfsTolerance(StopRule stop, Model model) {
        double tol = stop.tol() > 0 ? stop.tol() : StopRule.DEFAULT_TOL;
        return Math.max(tol, differenceFloor(model));
    }

    /**
     * The smallest residual √(2(L − L*)) a run of the model resolves in double precision: one ulp of the residual
     * scale ({@link #residualScale}, as the shallow model's one ulp of |Φ|), or where L* &gt; 0 the residual of 256
     * ulps of L* (the difference L − L* resolves nothing finer), whichever is larger.
     */
    public static double resolution(Model model) {
        return Math.max(Math.ulp(residualScale(model)), differenceFloor(model));
    }

    /** √(2·256·ulp(L*)): the residual below which L − L* is rounding. */
    private static double differenceFloor(Model model) {
        return Math.sqrt(2 * 256 * Math.ulp(Math.abs(model.minimumLoss())));
    }

    /**
     * The time limit of gradient flows: {@link #FLOW_TIME_SCALE}/S₀ with S₀ the sharpness at the start (the time scale
     * of the flow's fastest direction), or {@link #FLOW_TIME_SCALE} when S₀ ≤ 0.
     */
    public static double flowTimeLimit(SharpnessSpec sharpness, ModelProblem problem, StopRule stop) {
        SharpnessSpec top = new SharpnessSpec(sharpness.method().equals("exact") ? "auto" : sharpness.method(), 1, 0,
                0, true);
        Sharpness s0 = Sharpnesses.create(top, problem, stop.tol()).estimate(problem.model().copy(), problem.start());
        return s0.value() > 0 ? FLOW_TIME_SCALE / s0.value() : FLOW_TIME_SCALE;
    }

    private static void checkEngine(RunSpec spec) {
        if (spec.precision().decimal()) {
            throw new IllegalArgumentException("--precision decimal:N runs the shallow model's reduced recursion; "
                    + spec.model().family() + " networks run in double precision");
        }
        if (spec.engine() == eoslab.dynamics.Engine.REDUCED) {
            throw new IllegalArgumentException("--engine reduced is the shallow model's; " + spec.model().family()
                    + " networks run on the vector engine");
        }
    }
}
