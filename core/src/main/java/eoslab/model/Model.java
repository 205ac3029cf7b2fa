package eoslab.model;

/**
 * A training loss L(θ) over a flat parameter vector θ ∈ ℝⁿ, with exact derivatives: the problem, separate from the
 * method that trains it and from the engine that runs the method. Implementations describe how θ splits into named
 * blocks ({@link #layout()}), compute the loss, its gradient and Hessian-vector products analytically, and know the
 * global minimum value L* of the loss in closed form, so that "converged" means L − L* ≤ τ²/2 for every model.
 *
 * <p>Arrays passed in are never kept. Methods that take an output array write it and nothing else; they allocate
 * nothing, using workspaces owned by the instance. An instance is therefore not thread-safe: give each thread its own
 * ({@link #copy()}).
 */
public interface Model {
    /** The family's name as given to {@code --model} ({@code shallow}, {@code linear}, {@code diagonal}). */
    String family();

    /** n = dim θ. */
    int dimension();

    /** The named blocks of θ, in order (their sizes add up to {@link #dimension()}). */
    Layout layout();

    /**
     * L(θ).
     *
     * @param theta the parameters (not modified)
     */
    double loss(double[] theta);

    /**
     * Writes ∇L(θ) into {@code grad} and returns L(θ).
     *
     * @param theta the parameters (not modified)
     * @param grad  output, length n (modified)
     */
    double gradient(double[] theta, double[] grad);

    /**
     * Writes the Hessian-vector product ∇²L(θ)·v into {@code hv}.
     *
     * @param theta the parameters (not modified)
     * @param v     the direction (not modified)
     * @param hv    output, length n (modified; must not alias theta or v)
     */
    void hessianVector(double[] theta, double[] v, double[] hv);

    /** L*, the infimum of the loss over all θ, in closed form. */
    double minimumLoss();

    /**
     * The number of scalars in the quantities gradient flow conserves (flattened), 0 when the model states none.
     */
    default int conservedDimension() {
        return 0;
    }

    /**
     * Writes the quantities gradient flow conserves, flattened, into {@code out} (length {@link #conservedDimension()}).
     *
     * @param theta the parameters (not modified)
     * @param out   output (modified)
     */
    default void conserved(double[] theta, double[] out) {
    }

    /**
     * A scalar measure, ≥ 0, of how far θ is from the set where the conserved quantities vanish (the balanced set), in
     * the units of ‖θ‖²; 0 when the model states none. It is conserved by gradient flow whenever the quantities of
     * {@link #conserved} are (it is a function of them), and for the shallow model it is Q = ‖a + b‖·‖a − b‖. Each
     * family documents its definition (deep linear networks: the sum of the nuclear norms of the conserved matrices;
     * diagonal networks: Σ|u_i v_i|).
     *
     * @param theta the parameters (not modified)
     */
    default double imbalance(double[] theta) {
        return 0;
    }

    /** An independent instance of the same model with its own workspaces (for another thread). */
    Model copy();
}
