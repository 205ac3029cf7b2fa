package eoslab.service;

import eoslab.model.Model;
import eoslab.model.linear.DeepLinearModel;
import eoslab.model.linear.ScalarChain;
import eoslab.sharpness.DenseSharpness;
import eoslab.sharpness.LanczosSharpness;
import eoslab.sharpness.Sharpness;
import eoslab.sharpness.SharpnessEstimator;
import eoslab.sharpness.ThickRestartLanczos;
import eoslab.sharpness.TrackingDavidson;
import eoslab.spec.SharpnessSpec;
import java.util.OptionalDouble;

/**
 * The sharpness estimators of {@code --sharpness}, built for one problem: {@code dense} (the assembled Hessian),
 * {@code lanczos} and {@code arpack} (matrix-free, warm-started), {@code exact} (closed forms at global minima,
 * see {@link #atMinimum}, with {@code auto}'s choice elsewhere) and {@code auto} (dense up to
 * {@link SharpnessSpec#AUTO_DENSE_MAX} parameters, Lanczos above). Each call returns a new estimator: give one to
 * each consumer (estimators keep warm starts).
 */
public final class Sharpnesses {
    /** The Lanczos estimators' relative tolerance on the Ritz residuals. */
    public static final double LANCZOS_TOL = 1e-10;
    /** Most implicit restarts of a Lanczos estimate. */
    public static final int LANCZOS_RESTARTS = 1000;

    private Sharpnesses() {
    }

    /**
     * A new estimator.
     *
     * @param spec    the settings (method, k)
     * @param problem the problem (its dimension and closed forms)
     * @param tol     the residual tolerance that defines a global minimum for {@code exact}
     * @throws IllegalArgumentException for {@code dense} above {@link DenseSharpness#MAX_DIMENSION} parameters, or k
     *                                  above the number of parameters
     */
    public static SharpnessEstimator create(SharpnessSpec spec, ModelProblem problem, double tol) {
        int n = problem.dimension();
        int k = spec.topK();
        if (k > n) {
            throw new IllegalArgumentException("--top-k " + k + " exceeds the " + n + " parameters");
        }
        return switch (spec.method()) {
            case "dense" -> {
                if (n > DenseSharpness.MAX_DIMENSION) {
                    throw new IllegalArgumentException("--sharpness dense: " + n + " parameters exceed the limit of "
                            + DenseSharpness.MAX_DIMENSION + "; use lanczos");
                }
                yield new DenseSharpness(k, false);
            }
            case "lanczos" -> lanczos(k, n);
            case "arpack" -> new LanczosSharpness(k, LANCZOS_TOL, LANCZOS_RESTARTS, false);
            case "exact" -> k == 1 ? new AtMinimum(problem, tol, automatic(k, n)) : automatic(k, n);
            default -> automatic(k, n);
        };
    }

    private static SharpnessEstimator automatic(int k, int n) {
        return n <= SharpnessSpec.AUTO_DENSE_MAX ? new DenseSharpness(k, false) : lanczos(k, n);
    }

    /**
     * The matrix-free estimator of {@code --sharpness lanczos} for the top k of n parameters: for k = 1 up to
     * {@link TrackingDavidson#MAX_DIMENSION} parameters {@link TrackingDavidson} (seeded by the last calls'
     * eigenvectors: a third fewer products along a trajectory), otherwise {@link ThickRestartLanczos} (for k &gt; 1 its
     * single Krylov sequence serves all k at once, where expanding by one residual at a time took 1.2–3 times as many
     * products on matrix factorization; above the limit its smaller basis and no stored products).
     */
    public static SharpnessEstimator lanczos(int k, int n) {
        return k == 1 && n <= TrackingDavidson.MAX_DIMENSION
                ? new TrackingDavidson(k, LANCZOS_TOL, LANCZOS_RESTARTS, false)
                : new ThickRestartLanczos(k, LANCZOS_TOL, LANCZOS_RESTARTS, false);
    }

    /**
     * The sharpness in closed form at a global minimum, where the model has one: the scalar chain, ‖∇f‖² =
     * Σ_i ∏_{j≠i} w_j²; a depth-2 network on a target matrix, σ_max(W_1)² + σ_max(W_2)² (models.md §3). Empty for
     * other models.
     */
    public static OptionalDouble atMinimum(ModelProblem problem, Model instance, double[] theta) {
        if (problem.chain() != null) {
            return OptionalDouble.of(ScalarChain.sharpnessAtMinimum(theta));
        }
        if (instance instanceof DeepLinearModel d && d.depth() == 2 && d.moments().isTarget()) {
            return OptionalDouble.of(d.layerSpectralNormSquared(theta, 1) + d.layerSpectralNormSquared(theta, 2));
        }
        return OptionalDouble.empty();
    }

    /**
     * {@code --sharpness exact}: the closed form of {@link #atMinimum} where the point is a global minimum to the
     * tolerance (L − L* ≤ τ²/2) and the model has one (its value differs from the exact minimum's by O(τ); reported with
     * error bar 0 and method {@code closed-form}), the fallback estimator elsewhere (and for k &gt; 1).
     */
    private static final class AtMinimum implements SharpnessEstimator {
        private final ModelProblem problem;
        private final double gap;
        private final SharpnessEstimator fallback;

        AtMinimum(ModelProblem problem, double tol, SharpnessEstimator fallback) {
            this.problem = problem;
            this.gap = 0.5 * tol * tol;
            this.fallback = fallback;
        }

        @Override
        public Sharpness estimate(Model model, double[] theta) {
            if (model.loss(theta) - model.minimumLoss() <= gap) {
                OptionalDouble s = atMinimum(problem, model, theta);
                if (s.isPresent()) {
                    return Sharpness.closedForm(s.getAsDouble());
                }
            }
            return fallback.estimate(model, theta);
        }
    }
}
