package eoslab.method;

import eoslab.model.Model;

/**
 * An optimization method with its step-size schedule, as a value: how an iterate moves, for any {@link Model}
 * (one implementation per method, not per model), and the stability edge it implies. Engines that have an exact
 * fast path for a model and method (the shallow model's reduced map) use the method's parameters instead of
 * {@link #advance}.
 */
public sealed interface Method permits GradientDescent {
    /** The name given to {@code --method}. */
    String name();

    /** The step-size schedule. */
    Schedule schedule();

    /** η_k. */
    default double eta(long step) {
        return schedule().eta(step);
    }

    /**
     * The stability edge at iteration k: a minimum of sharpness λ is linearly stable under this method with step η_k
     * iff λ is below it (2/η_k for gradient descent).
     */
    double stabilityEdge(long step);

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
}
