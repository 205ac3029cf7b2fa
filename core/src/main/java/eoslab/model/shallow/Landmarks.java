package eoslab.model.shallow;

import eoslab.landscape.ConvergenceBoundary;

/**
 * Step-size landmarks of one initialization (docs/model.md §6, models.md §1.1): the GF-solution sharpness
 * λ_GF = √(4Φ² + Q₀²), the stability threshold 2/λ_GF of the GF solution, the ceiling 1/|Φ| (infinite when Φ = 0),
 * and the exact convergence boundary η* of the start, with the invariant F₀(η) that decides convergence.
 *
 * @param phi         the target Φ
 * @param gfSharpness λ_GF
 * @param product0    m₀ = a₀ᵀb₀
 * @param norm0       λ₀ = ‖a₀‖² + ‖b₀‖²
 * @param boundary    η* and which of its terms binds
 */
public record Landmarks(double phi, double gfSharpness, double product0, double norm0, ConvergenceBoundary boundary) {

    /** The landmarks of a start (a, b) for target Φ. */
    public static Landmarks of(double phi, VectorPoint start) {
        double q0 = start.imbalance();
        double m0 = start.product();
        double l0 = start.norm();
        return new Landmarks(phi, Quantities.gfSharpness(phi, q0), m0, l0, ConvergenceBoundary.of(phi, m0, l0, q0));
    }

    /**
     * The scale of the residual, by which a relative tolerance is multiplied: |Φ|, or λ₀ when Φ = 0. Under the
     * model's scale invariance (docs/model.md §1) ε scales like it, so |ε| ≤ r·scale means the same at every scale.
     */
    public double residualScale() {
        return phi != 0.0 ? Math.abs(phi) : norm0;
    }

    /**
     * The residual that double precision resolves along runs from this start: one ulp of max(|Φ|, λ₀, λ_GF), the
     * size of the numbers whose difference ε is (ε = (U − V)/4 − Φ with U, V ≤ 2λ).
     */
    public double doubleResolution() {
        return Math.ulp(Math.max(Math.abs(phi), Math.max(norm0, gfSharpness)));
    }

    /** 2/λ_GF: above it the GF solution is not a stable fixed point of GD. */
    public double edgeEta() {
        return 2.0 / gfSharpness;
    }

    /** 1/|Φ|: at and above it GD cannot converge. Infinite for Φ = 0. */
    public double beyondEta() {
        return 1.0 / Math.abs(phi);
    }

    /** η*: GD from this start converges for η &lt; η* and not above (almost every start; models.md §1.1). */
    public double criticalEta() {
        return boundary.eta();
    }

    /** Which term of η* binds. */
    public ConvergenceBoundary.Bound criticalBound() {
        return boundary.bound();
    }

    /** F₀ = λ₀ − 4/η − ηΦ(m₀ − Φ) at step η: GD converges iff η|Φ| &lt; 1 and F₀ &lt; 0 (models.md §1.1). */
    public double f0(double eta) {
        return ConvergenceBoundary.f(phi, product0, norm0, eta);
    }

    /** The absolute step η = c·2/λ_GF for a relative step c. */
    public double absoluteEta(double relative) {
        return relative * edgeEta();
    }

    /** The relative step η/(2/λ_GF) = ηλ_GF/2. */
    public double relativeEta(double eta) {
        return eta * gfSharpness / 2.0;
    }

    /** The absolute step η = c·η* for a step c relative to the convergence boundary. */
    public double absoluteEtaCritical(double critical) {
        return critical * criticalEta();
    }

    /** The step relative to the convergence boundary, η/η*. */
    public double criticalRelativeEta(double eta) {
        return eta / criticalEta();
    }

    /**
     * The regime of step η: beyond (η ≥ 1/|Φ|), divergent (η* ≤ η &lt; 1/|Φ|), edge (2/λ_GF ≤ η &lt; η*) or stable
     * (η &lt; 2/λ_GF and η &lt; η*).
     */
    public Regime regime(double eta) {
        if (eta >= beyondEta()) {
            return Regime.BEYOND;
        }
        if (eta >= criticalEta()) {
            return Regime.DIVERGENT;
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
     * edge in between; for κ = 1 (gradient descent) {@link #regime(double)}, which also knows the exact boundary η*.
     */
    public Regime regime(double eta, double edgeFactor) {
        if (edgeFactor == 1) {
            return regime(eta);
        }
        if (eta >= beyondEta(edgeFactor)) {
            return Regime.BEYOND;
        }
        return eta < edgeEta(edgeFactor) ? Regime.STABLE : Regime.EDGE;
    }
}
