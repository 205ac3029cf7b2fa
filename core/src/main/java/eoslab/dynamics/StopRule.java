package eoslab.dynamics;

/**
 * When a run stops: converged once the residual norm √(2(L − L*)) is at most tol (checked from step 0; after a warm-up,
 * on a minimum the target step holds, {@link Stepper#mayStop}; for the shallow model |ε| ≤ tol), or after maxSteps
 * steps.
 *
 * @param maxSteps step budget (≥ 0)
 * @param tol      residual tolerance (≥ 0)
 */
public record StopRule(long maxSteps, double tol) {
    /** Default budget of the CLI. */
    public static final long DEFAULT_MAX_STEPS = 100_000;
    /** Default tolerance of the CLI. */
    public static final double DEFAULT_TOL = 1e-12;
    /** The CLI's default rule. */
    public static final StopRule DEFAULT = new StopRule(DEFAULT_MAX_STEPS, DEFAULT_TOL);

    /** Validates the rule. */
    public StopRule {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("--steps must be non-negative, got " + maxSteps);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("--tol must be a finite non-negative number, got " + tol);
        }
    }

    /** True when a residual norm meets the tolerance. */
    public boolean converged(double residualNorm) {
        return Math.abs(residualNorm) <= tol;
    }
}
