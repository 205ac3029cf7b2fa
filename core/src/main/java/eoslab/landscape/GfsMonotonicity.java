package eoslab.landscape;

import java.util.OptionalInt;

/**
 * The GF-solution sharpness λ_GF,t = √(4Φ² + Q_t²) along GD (models.md §1). Since Q⁺ = |1 − η²ε²|·Q, it does not
 * increase at a step iff η|ε_t| ≤ √2 (or Q_t = 0). Starts inside the convergence region exist where it increases.
 */
public final class GfsMonotonicity {

    private static final double SQRT2 = Math.sqrt(2.0);

    private GfsMonotonicity() {
    }

    /**
     * Whether a GD step with ηε = {@code etaEps} does not increase Q: |ηε| ≤ √2, decided exactly for the double ηε
     * (no double equals √2, and Math.sqrt(2) is the smallest double above it).
     */
    public static boolean nonIncreasing(double etaEps) {
        return Math.abs(etaEps) < SQRT2;
    }

    /**
     * The first step t &lt; maxSteps at which GD from (m₀, λ₀) with step η increases the GF-solution sharpness
     * (Q_t &gt; 0 and η|ε_t| &gt; √2), if any. Runs the exact reduced map p⁺ = (1 − ηε)p, q⁺ = (1 + ηε)q,
     * ε = (p² − q²)/4 − Φ from p = √(λ₀ + 2m₀), q = √(λ₀ − 2m₀), in double precision.
     *
     * @throws IllegalArgumentException if maxSteps &lt; 0 or η is not inside the convergence region (0 &lt; η &lt; η*)
     */
    public static OptionalInt firstIncrease(double phi, double m0, double lambda0, double eta, int maxSteps) {
        if (!(eta > 0.0) || !(eta < ConvergenceBoundary.of(phi, m0, lambda0).eta()) || maxSteps < 0) {
            throw new IllegalArgumentException("need 0 < eta < eta* and maxSteps >= 0: " + eta + ", " + maxSteps);
        }
        double p = Math.sqrt(lambda0 + 2.0 * m0);
        double q = Math.sqrt(lambda0 - 2.0 * m0);
        for (int t = 0; t < maxSteps; t++) {
            double etaEps = eta * ((p * p - q * q) / 4.0 - phi);
            if (p != 0.0 && q != 0.0 && !nonIncreasing(etaEps)) {
                return OptionalInt.of(t);
            }
            p *= 1.0 - etaEps;
            q *= 1.0 + etaEps;
        }
        return OptionalInt.empty();
    }
}
