package eoslab.landscape;

/**
 * GD on balanced starts (Q = 0, i.e. a = b or a = −b, an invariant set; models.md §1) as the cubic map
 * <pre>f_c(z) = z(1 + c − z)².</pre>
 * Sign conventions: on a balanced start λ = 2|m| and m keeps its sign, and with w = η|m| one GD step is exactly
 * w⁺ = f_κ(w) with κ = ηΦ·sign(m). On the branch that can reach the target (sign m = sign Φ: a = b for Φ &gt; 0,
 * a = −b for Φ &lt; 0) κ = c = η|Φ| and w = ηm·sign(Φ): z = ηm for Φ &gt; 0 and z = −ηm for Φ &lt; 0 (in ηm itself
 * the map for Φ &lt; 0 is z ↦ −f_c(−z)). On the opposite branch κ = −c and GD can only reach m = 0 or diverge.
 * At Φ = 0 both branches give f_0.
 *
 * @param c the parameter c = η|Φ| (any real; c &lt; 0 describes the opposite branch)
 */
public record BalancedMap(double c) {

    /** √5 − 1: the 2-cycle is stable for 1 &lt; c &lt; √5 − 1. */
    public static final double TWO_CYCLE_STABLE_END = Math.sqrt(5.0) - 1.0;

    /** 3/√2 − 1: the 2-cycle is superstable (multiplier 0). */
    public static final double TWO_CYCLE_SUPERSTABLE = 3.0 / Math.sqrt(2.0) - 1.0;

    /** The map followed by w = η|m| for a balanced state of product m: parameter κ = ηΦ·sign(m) (η|Φ| at m = 0). */
    public static BalancedMap of(double eta, double phi, double m) {
        return new BalancedMap(m < 0.0 ? -eta * phi : m > 0.0 ? eta * phi : eta * Math.abs(phi));
    }

    /** f_c(z) = z(1 + c − z)². */
    public double apply(double z) {
        double u = 1.0 + c - z;
        return z * u * u;
    }

    /** f_c'(z) = (1 + c − z)(1 + c − 3z). */
    public double derivative(double z) {
        return (1.0 + c - z) * (1.0 + c - 3.0 * z);
    }

    /** The critical point (1 + c)/3 (the local maximum of f_c; the other critical point 1 + c maps to 0). */
    public double criticalPoint() {
        return (1.0 + c) / 3.0;
    }

    /** The multiplier 1 − 2c of the fixed point z = c (the global minimum). */
    public double fixedPointMultiplier() {
        return 1.0 - 2.0 * c;
    }

    /** Whether the fixed point z = c is stable: 0 &lt; c &lt; 1. */
    public boolean fixedPointStable() {
        return c > 0.0 && c < 1.0;
    }

    /** Whether the approach to z = c is monotone (multiplier in (0, 1)): 0 &lt; c &lt; ½. */
    public boolean fixedPointMonotone() {
        return c > 0.0 && c < 0.5;
    }

    /**
     * The 2-cycle z± = [(1 + c) ± √((1 + c)² − 4)]/2 (z₊z₋ = 1, z₊ + z₋ = 1 + c), as {z₋, z₊}; z₋ is computed as
     * 1/z₊, without cancellation.
     *
     * @throws IllegalStateException if c &lt; 1 (no positive 2-cycle)
     */
    public double[] twoCycle() {
        if (!(c >= 1.0)) {
            throw new IllegalStateException("no 2-cycle for c < 1: " + c);
        }
        double s = 1.0 + c;
        double upper = 0.5 * (s + Math.sqrt((s - 2.0) * (s + 2.0)));
        return new double[] {1.0 / upper, upper};
    }

    /** The multiplier f'(z₊)f'(z₋) = 9 − 2(1 + c)² of the 2-cycle. */
    public double twoCycleMultiplier() {
        double s = 1.0 + c;
        return 9.0 - 2.0 * s * s;
    }

    /** Whether the 2-cycle is stable: 1 &lt; c &lt; √5 − 1. */
    public boolean twoCycleStable() {
        return c > 1.0 && c < TWO_CYCLE_STABLE_END;
    }

    /**
     * The product (1 − η²ε₊²)(1 − η²ε₋²) = 3 − 2c over one period of the 2-cycle: the factor by which
     * ‖a‖² − ‖b‖² changes near the cycle per period (Q changes by its absolute value, below 1 for 1 &lt; c &lt; 2).
     */
    public double imbalanceFactorPerCycle() {
        return 3.0 - 2.0 * c;
    }

    /**
     * The Lyapunov exponent estimate (1/steps)·Σ ln|f_c'(z_t)| over {@code steps} iterates after {@code skip}
     * discarded ones, from z₀. It is −∞ if the orbit hits a critical point.
     */
    public double lyapunovExponent(double z0, int skip, int steps) {
        double z = z0;
        for (int t = 0; t < skip; t++) {
            z = apply(z);
        }
        double sum = 0.0;
        for (int t = 0; t < steps; t++) {
            sum += Math.log(Math.abs(derivative(z)));
            z = apply(z);
        }
        return sum / steps;
    }
}
