package eoslab.landscape;

/**
 * Critical slowing of GD on balanced starts at and just below c = η|Φ| = 1 ({@link BalancedMap}). With x = z − c,
 * f_c(c + x) = c + (1 − 2c)x + (c − 2)x² + x³; at c = 1 two steps give x ↦ x − 4x³ − 2x⁴ + O(x⁵), so
 * x_t² ≈ 1/(4t): |ε_t|·√t → |Φ|/2. For c = 1 − δ the two-step map is x ↦ (1 − 4δ)x − 4x³ to leading order, whose
 * flow per step, du/dt = −4u(δ + u) with u = x², gives the step count of {@link #steps}: it grows like
 * ln(δ/u)/(4δ) when u ≪ δ, i.e. like 1/(1 − c) up to a logarithm.
 */
public final class CriticalSlowing {

    private CriticalSlowing() {
    }

    /**
     * A power law y ≈ prefactor·x^exponent.
     *
     * @param exponent  the exponent
     * @param prefactor the prefactor
     */
    public record PowerLaw(double exponent, double prefactor) {
    }

    /** The limit of |ε_t|·√t along GD at c = η|Φ| = 1 from a balanced start in the basin of the minimum: |Φ|/2. */
    public static double residualConstant(double phi) {
        return 0.5 * Math.abs(phi);
    }

    /**
     * The leading-order number of steps for |z − c| (= η|ε|) to fall from x0 to x at 0 ≤ 1 − c ≪ 1:
     * [ln(1 + δ/x²) − ln(1 + δ/x0²)]/(4δ) with δ = 1 − c, and (1/x² − 1/x0²)/4 at c = 1.
     *
     * @throws IllegalArgumentException unless c ≤ 1 and 0 &lt; x ≤ x0
     */
    public static double steps(double c, double x0, double x) {
        if (!(c <= 1.0) || !(x > 0.0) || !(x <= x0)) {
            throw new IllegalArgumentException("need c <= 1 and 0 < x <= x0: " + c + ", " + x0 + ", " + x);
        }
        double delta = 1.0 - c;
        double u = x * x;
        double u0 = x0 * x0;
        if (delta == 0.0) {
            return 0.25 * (1.0 / u - 1.0 / u0);
        }
        return (Math.log1p(delta / u) - Math.log1p(delta / u0)) / (4.0 * delta);
    }

    /**
     * Least-squares fit of ln y = ln(prefactor) + exponent·ln x over the points with x, y &gt; 0.
     *
     * @throws IllegalArgumentException if the arrays differ in length or fewer than two usable points with distinct x
     */
    public static PowerLaw fit(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        int n = 0;
        double sx = 0.0;
        double sy = 0.0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0.0 && y[i] > 0.0) {
                n++;
                sx += Math.log(x[i]);
                sy += Math.log(y[i]);
            }
        }
        if (n < 2) {
            throw new IllegalArgumentException("need two usable points with distinct x");
        }
        double mx = sx / n;
        double my = sy / n;
        double sxx = 0.0;
        double sxy = 0.0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0.0 && y[i] > 0.0) {
                double dx = Math.log(x[i]) - mx;
                sxx += dx * dx;
                sxy += dx * (Math.log(y[i]) - my);
            }
        }
        if (!(sxx > 0.0)) {
            throw new IllegalArgumentException("need two usable points with distinct x");
        }
        double slope = sxy / sxx;
        return new PowerLaw(slope, Math.exp(my - slope * mx));
    }
}
