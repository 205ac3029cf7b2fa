package eoslab.sharpness;

import eoslab.model.Model;

/**
 * Computes the top eigenvalues of the Hessian ∇²L(θ) of a model. Implementations may keep state between calls (a warm
 * start along a trajectory) and use the given model instance, so an estimator is used by one thread at a time.
 */
public interface SharpnessEstimator {
    /**
     * The top eigenvalues of ∇²L(θ), with explicit error bars.
     *
     * @param model the model (used only during the call, on the calling thread)
     * @param theta the point, length {@code model.dimension()} (not modified)
     */
    Sharpness estimate(Model model, double[] theta);
}
