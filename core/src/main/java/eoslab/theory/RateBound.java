package eoslab.theory;

/**
 * The explicit linear rate of claim 1, derived from ε⁺ = ε(1 − ηλ + η²εm) (docs/model.md §3).
 *
 * <p>Let e₀ = |ε₀| with ηe₀ ≤ √2. While |ε_s| ≤ e₀ for s &lt; t, every factor |1 − η²ε_s²| ≤ 1, so Q_t ≤ Q₀ and
 * 2|m_t| ≤ λ_t = √(Q_t² + 4m_t²) ≤ √(Q₀² + 4m_t²). The factor 1 − ηλ + η²εm is affine in λ, so its modulus over that
 * interval is largest at an end:
 * <pre>
 *   ρ(ε) = max( |1 − 2η|m| + η²εm| , |1 − η√(Q₀² + 4m²) + η²εm| ),   m = Φ + ε,
 *   ρ̄    = max_{|ε| ≤ e₀} ρ(ε).
 * </pre>
 * If ρ̄ &lt; 1 then by induction |ε_t| ≤ ρ̄ᵗ e₀ for every t: GD converges linearly at rate ρ̄. As ε → 0,
 * ρ(0) = ρ* = max(|1 − 2η|Φ||, |1 − ηλ_GF|), which is &lt; 1 exactly when η &lt; 2/λ_GF and η &lt; 1/|Φ|: near the
 * GF solution manifold the rate holds for every step up to 2/λ_GF. The asymptotic rate |1 − ηλ∞| is at most ρ*
 * because 2|Φ| ≤ λ∞ ≤ λ_GF.
 *
 * <p>ρ̄ is computed rigorously: ρ is sampled on {@value #SAMPLES} equispaced points of [−e₀, e₀] and padded by
 * L·h/2, where h is the spacing and L = 2η + η²(|Φ| + 2e₀) bounds the Lipschitz constant of both branches.
 * When ρ* ≥ 1 no sampling is needed (ρ̄ ≥ ρ* ≥ 1 proves nothing) and ρ̄ is reported as ρ*.
 *
 * @param rhoBar  ρ̄, the guaranteed per-step contraction of the bound (may be ≥ 1: then the bound says nothing)
 * @param rhoStar ρ*, the bound on the asymptotic rate
 */
public record RateBound(double rhoBar, double rhoStar) {
    /** Number of sample points of ρ on [−e₀, e₀]. */
    public static final int SAMPLES = 1025;

    /**
     * The rate for step η on target Φ from a start with imbalance Q₀ and residual ε₀.
     *
     * @param phi        Φ
     * @param eta        η &gt; 0
     * @param imbalance0 Q₀
     * @param residual0  ε₀
     */
    public static RateBound of(double phi, double eta, double imbalance0, double residual0) {
        double e0 = Math.abs(residual0);
        double rhoStar = contraction(phi, eta, imbalance0, 0.0);
        double max = rhoStar;
        if (e0 > 0 && rhoStar < 1.0) {
            double h = 2.0 * e0 / (SAMPLES - 1);
            for (int i = 0; i < SAMPLES; i++) {
                max = Math.max(max, contraction(phi, eta, imbalance0, -e0 + i * h));
            }
            double lipschitz = 2.0 * eta + eta * eta * (Math.abs(phi) + 2.0 * e0);
            max += lipschitz * h / 2.0;
        }
        return new RateBound(max, rhoStar);
    }

    /** ρ(ε): the largest possible |ε⁺/ε| at residual ε given Q ≤ Q₀ (see the class comment). */
    public static double contraction(double phi, double eta, double imbalance0, double residual) {
        double m = phi + residual;
        double quad = eta * eta * residual * m;
        double low = Math.abs(1.0 - 2.0 * eta * Math.abs(m) + quad);
        double high = Math.abs(1.0 - eta * Math.hypot(imbalance0, 2.0 * m) + quad);
        return Math.max(low, high);
    }

    /** True when the bound proves linear convergence (ρ̄ &lt; 1). */
    public boolean proves() {
        return rhoBar < 1.0;
    }
}
