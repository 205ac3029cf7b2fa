package eoslab.model.shallow;

/**
 * Step-size landmarks of one initialization (docs/model.md §6): the GF-solution sharpness λ_GF = √(4Φ² + Q₀²), the stability
 * threshold 2/λ_GF and the convergence ceiling 1/|Φ| (infinite when Φ = 0).
 *
 * @param phi        the target Φ
 * @param gfSharpness λ_GF
 */
public record Landmarks(double phi, double gfSharpness) {

    /** Landmarks for target Φ and initial imbalance Q₀. */
    public static Landmarks of(double phi, double imbalance0) {
        return new Landmarks(phi, Quantities.gfSharpness(phi, imbalance0));
    }

    /** 2/λ_GF: above it the GF solution is not a stable fixed point of GD. */
    public double edgeEta() {
        return 2.0 / gfSharpness;
    }

    /** 1/|Φ|: at and above it GD cannot converge. Infinite for Φ = 0. */
    public double beyondEta() {
        return 1.0 / Math.abs(phi);
    }

    /** The absolute step η = c·2/λ_GF for a relative step c. */
    public double absoluteEta(double relative) {
        return relative * edgeEta();
    }

    /** The relative step η/(2/λ_GF) = ηλ_GF/2. */
    public double relativeEta(double eta) {
        return eta * gfSharpness / 2.0;
    }

    /** The regime of step η under gradient descent. */
    public Regime regime(double eta) {
        if (eta >= beyondEta()) {
            return Regime.BEYOND;
        }
        return eta < edgeEta() ? Regime.STABLE : Regime.EDGE;
    }

    /**
     * κ·2/λ_GF: above it the GF solution is not a linearly stable fixed point of a method whose stability edge is
     * 2κ/η (κ = 1 for gradient descent, 1 + β for heavy ball, (1 + β)/(1 + 2β) for Nesterov; docs/models.md §2).
     */
    public double edgeEta(double edgeFactor) {
        return edgeFactor * edgeEta();
    }

    /** κ/|Φ|: at and above it no minimum is linearly stable under a method with stability edge 2κ/η. */
    public double beyondEta(double edgeFactor) {
        return edgeFactor * beyondEta();
    }

    /**
     * The regime of step η under a method with stability edge 2κ/η: stable below κ·2/λ_GF, beyond at and above κ/|Φ|,
     * edge in between (κ = 1 is {@link #regime(double)}).
     */
    public Regime regime(double eta, double edgeFactor) {
        if (eta >= beyondEta(edgeFactor)) {
            return Regime.BEYOND;
        }
        return eta < edgeEta(edgeFactor) ? Regime.STABLE : Regime.EDGE;
    }
}
