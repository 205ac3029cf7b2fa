package eoslab.theory;

import java.util.List;

/** Claim 1: linear convergence at the explicit rate of {@link RateBound}, for steps up to about 2/λ_GF. */
public final class LinearRateClaim implements RunClaim {
    /** Slack allowed on the asymptotic-rate comparison (rounding of λ∞). */
    public static final double TOLERANCE = 1e-12;

    @Override
    public String id() {
        return "1";
    }

    @Override
    public String title() {
        return "Linear convergence at an explicit rate with a step up to about 2/sharpness";
    }

    @Override
    public String statement() {
        return "Let e0 = |ε0| and m = Φ + ε. If Φ ≠ 0, η·e0 ≤ √2 and ρ̄ = max_{|ε| ≤ e0} max(|1 − 2η|m| + η²εm|, "
                + "|1 − η√(Q0² + 4m²) + η²εm|) < 1, then |ε_t| ≤ ρ̄^t·e0 for every step t (GD converges linearly at "
                + "rate ρ̄), and the asymptotic rate |1 − ηλ∞| ≤ ρ* = max(|1 − 2η|Φ||, |1 − ηλ_GF|). Since ρ̄ → ρ* "
                + "as e0 → 0 and ρ* < 1 for every η < min(2/λ_GF, 1/|Φ|), the rate covers step sizes up to about "
                + "2/λ_GF. Proof: ε⁺ = ε(1 − ηλ + η²εm) with 2|m| ≤ λ ≤ √(Q0² + 4m²) (Q never grows while "
                + "η|ε| ≤ √2); the factor is affine in λ.";
    }

    @Override
    public List<String> hypotheses() {
        return List.of("Φ ≠ 0", "η·|ε0| ≤ √2", "ρ̄ < 1 (computed from Φ, η, Q0, ε0)");
    }

    /** The slack of the asymptotic-rate comparison. */
    @Override
    public double roundingAllowance() {
        return TOLERANCE;
    }

    @Override
    public Judgement judge(CaseRun run) {
        double e0 = Math.abs(run.result().initial().residual());
        if (run.phi() == 0 || run.eta() * e0 > Math.sqrt(2.0) || !run.bound().proves()) {
            return Judgement.notApplicable();
        }
        double rateMargin = run.trace().rateMargin();
        double margin = Double.isInfinite(rateMargin) ? 1.0 : rateMargin;
        boolean held = margin >= 0;
        if (run.converged()) {
            double asymptotic = Math.abs(1.0 - run.eta() * run.limitSharpness());
            double slack = run.bound().rhoStar() - asymptotic;
            held &= slack >= -TOLERANCE;
            margin = Math.min(margin, slack);
        }
        return Judgement.of(held, margin, run.command());
    }
}
