package eoslab.model.shallow;

import java.util.Locale;

/**
 * The step-size regimes of one start (docs/model.md §6), split by its exact convergence boundary η*
 * (models.md §1.1): GD converges in the first two and not in the last two (for almost every start).
 */
public enum Regime {
    /** η &lt; 2/λ_GF and η &lt; η*: the gradient-flow solution is itself a stable fixed point of GD, and GD converges. */
    STABLE,
    /** 2/λ_GF ≤ η &lt; η*: GD converges, but only after shrinking the imbalance (the edge of stability). */
    EDGE,
    /**
     * η* ≤ η &lt; 1/|Φ|: beyond the start's convergence boundary although minima with ηλ &lt; 2 exist (F₀ ≥ 0):
     * GD diverges. At Φ = 0 this is η ≥ 4/λ₀, the catapult's divergence.
     */
    DIVERGENT,
    /** η ≥ 1/|Φ|: every global minimum is unstable; GD cannot converge (it oscillates boundedly or diverges). */
    BEYOND;

    /** The lower-case name used in JSON and CSV. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
