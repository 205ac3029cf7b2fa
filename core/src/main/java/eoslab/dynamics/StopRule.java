package eoslab.dynamics;

/**
 * When a GD run stops: converged once |ε| ≤ tol (checked from step 0), or after maxSteps steps.
 *
 * @param maxSteps step budget (≥ 0)
 * @param tol      residual tolerance (≥ 0)
 */
public record StopRule(long maxSteps, double tol) {
    /** Default budget of the CLI. */
    public static final long DEFAULT_MAX_STEPS = 100_000;
    /** Default tolerance of the CLI. */
    public static final double DEFAULT_TOL = 1e-12;

    /** Validates the rule. */
    public StopRule {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("steps must be non-negative, got " + maxSteps);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and non-negative, got " + tol);
        }
    }

    /** True when the residual meets the tolerance. */
    public boolean converged(double residual) {
        return Math.abs(residual) <= tol;
    }
}
