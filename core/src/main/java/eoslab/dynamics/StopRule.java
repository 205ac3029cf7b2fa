package eoslab.dynamics;

/**
 * When a run stops: converged once the residual norm √(2(L − L*)) is at most the tolerance (checked from step 0; after a
 * warm-up, on a minimum the target step holds, {@link Stepper#mayStop}; for the shallow model |ε| ≤ tol), or after
 * maxSteps steps.
 *
 * <p>The tolerance is absolute, or relative to the problem's residual scale ({@link #relative}): then the run
 * converges when the residual is at most tol·scale, which means the same at every scale of a scale-invariant model
 * (for the shallow model the scale is |Φ|, or λ₀ at Φ = 0: docs/model.md §1). A relative rule is resolved into an
 * absolute one by {@link #absolute(double)} where the scale is known (the service layer); the engines and
 * {@link Runner} compare the residual with {@link #tol()} as it stands.
 *
 * @param maxSteps step budget (≥ 0)
 * @param tol      residual tolerance (≥ 0), absolute or relative
 * @param relative whether tol is relative to the residual scale
 */
public record StopRule(long maxSteps, double tol, boolean relative) {
    /** Default budget of the CLI. */
    public static final long DEFAULT_MAX_STEPS = 100_000;
    /** Default tolerance of the CLI, relative to the residual scale. */
    public static final double DEFAULT_TOL = 1e-12;
    /** The CLI's default rule: 10⁵ steps, |ε| ≤ 10⁻¹²·scale. */
    public static final StopRule DEFAULT = new StopRule(DEFAULT_MAX_STEPS, DEFAULT_TOL, true);

    /** Validates the rule. */
    public StopRule {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("--steps must be non-negative, got " + maxSteps);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException((relative ? "--tol-rel" : "--tol")
                    + " must be a finite non-negative number, got " + tol);
        }
    }

    /** An absolute rule: converged when the residual is at most tol. */
    public StopRule(long maxSteps, double tol) {
        this(maxSteps, tol, false);
    }

    /** The same rule for a problem of the given residual scale: tol·scale if relative, else itself. */
    public StopRule absolute(double scale) {
        return relative ? new StopRule(maxSteps, tol * scale, false) : this;
    }

    /** The same tolerance with another budget. */
    public StopRule withMaxSteps(long steps) {
        return new StopRule(steps, tol, relative);
    }

    /** True when a residual norm meets the tolerance (as it stands: resolve a relative rule first). */
    public boolean converged(double residualNorm) {
        return Math.abs(residualNorm) <= tol;
    }
}
