package eoslab.model;

/**
 * A read-only view of a point of a run: what every model reports and every stopping rule needs. Views may be live (a
 * stepper's own state, valid until its next step) or immutable snapshots.
 */
public interface State {
    /** L(θ). */
    double loss();

    /**
     * √(2(L − L*)), the distance of the loss from its global minimum L* on the scale of a residual: a run has
     * converged when it is at most the tolerance τ, which means L − L* ≤ τ²/2. For the shallow model it is |ε|.
     */
    double residualNorm();

    /** ‖θ‖², the squared norm of all parameters; a run diverges when it would exceed the divergence bound. */
    double normSquared();

    /** L*, the global minimum of the loss (closed form). */
    double minimumLoss();
}
