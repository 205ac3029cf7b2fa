package eoslab.model.shallow;

import java.util.Locale;

/** The three step-size regimes of docs/model.md §6. */
public enum Regime {
    /** η &lt; 2/λ_GF: the gradient-flow solution is itself a stable fixed point of GD. */
    STABLE,
    /** 2/λ_GF ≤ η &lt; 1/|Φ|: GD converges only after shrinking the imbalance. */
    EDGE,
    /** η ≥ 1/|Φ|: every global minimum is unstable; GD cannot converge. */
    BEYOND;

    /** The lower-case name used in JSON and CSV. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
