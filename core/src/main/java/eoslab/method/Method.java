package eoslab.method;

import eoslab.model.Model;

/**
 * An optimization method with its step-size schedule, as a value: how an iterate moves, for any {@link Model}
 * (one implementation per method, not per model), and the linear stability it implies (docs/models.md §2). Engines
 * that have an exact fast path for a model and method (the shallow model's reduced maps) use the method's parameters
 * instead of {@link #advance}.
 */
public sealed interface Method permits GradientDescent, HeavyBall, Nesterov {
    /** The name given to {@code --method}. */
    String name();

    /** The step-size schedule. */
    Schedule schedule();

    /** η_k. */
    default double eta(long step) {
        return schedule().eta(step);
    }

    /** The momentum β (0 for gradient descent). */
    double beta();

    /**
     * κ, the factor of the stability edge: a minimum of sharpness λ is linearly stable under this method with step η
     * iff ηλ &lt; 2κ (κ = 1 for gradient descent, 1 + β for heavy ball, (1 + β)/(1 + 2β) for Nesterov).
     */
    double edgeFactor();

    /**
     * The stability edge at iteration k: a minimum of sharpness λ is linearly stable under this method with step η_k
     * iff λ is below it (2/η_k for gradient descent, 2κ/η_k in general).
     */
    double stabilityEdge(long step);

    /** The stability edge 2κ/η at the nominal step η of the schedule. */
    default double nominalEdge() {
        return stabilityEdgeOf(schedule().nominal());
    }

    /** The stability edge 2κ/η for a step η. */
    double stabilityEdgeOf(double eta);

    /**
     * The asymptotic linear rate near a minimum of sharpness λ with step η: the spectral radius of the method's
     * iteration on the quadratic ½λx² (|1 − ηλ| for gradient descent; the larger root modulus of the two-term
     * recursion for the momentum methods, docs/models.md §2).
     */
    double linearRate(double eta, double lambda);

    /**
     * The clock on which the method follows gradient flow for small steps, per unit of η: GD step k ↔ GF time ηk
     * (1), momentum ↔ time ηk/(1 − β) (docs/models.md §2).
     */
    default double clockFactor() {
        return 1.0 / (1.0 - beta());
    }

    /**
     * Advances θ by one iteration in place.
     *
     * @param step     the iteration k (η_k is used)
     * @param model    the loss
     * @param theta    θ_k on entry, θ_{k+1} on exit (modified)
     * @param previous θ_{k−1} on entry, θ_k on exit, for methods with memory (modified; ignored by gradient descent)
     * @param gradient workspace of length n (modified)
     */
    void advance(long step, Model model, double[] theta, double[] previous, double[] gradient);

    /** True when the method keeps the previous iterate (momentum). */
    boolean hasMemory();

    /**
     * The spectral radius of the companion matrix of x⁺ = −a₁x − a₀x⁻ (the larger modulus of the roots of
     * μ² + a₁μ + a₀).
     */
    static double spectralRadius(double a1, double a0) {
        double disc = a1 * a1 - 4.0 * a0;
        if (disc < 0) {
            return Math.sqrt(a0);
        }
        double r = Math.sqrt(disc);
        return 0.5 * Math.max(Math.abs(-a1 + r), Math.abs(-a1 - r));
    }

    /**
     * Checks a momentum: 0 ≤ β &lt; 1.
     *
     * @throws IllegalArgumentException otherwise
     */
    static double requireBeta(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("--beta must be in [0, 1), got " + beta);
        }
        return beta;
    }
}
