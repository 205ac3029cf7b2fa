package eoslab.sharpness;

/**
 * A matrix-free estimator that starts each call from what the previous calls found (their eigenvectors), so that
 * along a trajectory it needs few Hessian-vector products; {@link #reset()} makes the next call start cold, from a
 * fixed pseudo-random vector.
 */
public interface WarmStartedEstimator extends SharpnessEstimator {
    /** Forgets the warm start: the next call starts cold. */
    void reset();

    /** Whether the next call of the current dimension starts from earlier eigenvectors. */
    boolean hasWarmStart();
}
