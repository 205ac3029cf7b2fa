package eoslab.sweep;

/**
 * Lyapunov exponents of the 2-variable GD map F(p, q) = ((1 − ηε)p, (1 + ηε)q), ε = (p² − q²)/4 − Φ, along an orbit,
 * from its Jacobian
 * <pre>
 *   J = [[1 − ηε − ηp²/2,  ηpq/2         ],
 *        [ηpq/2,           1 + ηε − ηq²/2]]
 * </pre>
 * by the standard QR (Gram–Schmidt) method: two tangent vectors are advanced by J at each iterate and
 * re-orthonormalized; the exponents are the mean logarithms of the stretch factors. Positive λ₁ means chaos. At a
 * minimum (ε = 0) the eigenvalues of J are 1 (along the curve of minima, a neutral direction) and 1 − ηλ, so a
 * converged orbit has λ₁ = 0 and λ₂ = ln|1 − ηλ∞| &lt; 0; during convergence λ₁ is negative.
 */
public final class Lyapunov {
    private double v1x = Math.sqrt(0.5);
    private double v1y = Math.sqrt(0.5);
    private double v2x = -Math.sqrt(0.5);
    private double v2y = Math.sqrt(0.5);
    private double sum1;
    private double sum2;
    private long n;

    /** Accumulates the Jacobian of the map at (p, q) with step η on target Φ. */
    public void accumulate(double phi, double eta, double p, double q) {
        double[] j = jacobian(phi, eta, p, q);
        double a = j[0];
        double b = j[1];
        double d = j[3];
        double x1 = a * v1x + b * v1y;
        double y1 = b * v1x + d * v1y;
        double n1 = Math.hypot(x1, y1);
        x1 /= n1;
        y1 /= n1;
        double x2 = a * v2x + b * v2y;
        double y2 = b * v2x + d * v2y;
        double dot = x2 * x1 + y2 * y1;
        x2 -= dot * x1;
        y2 -= dot * y1;
        double n2 = Math.hypot(x2, y2);
        v1x = x1;
        v1y = y1;
        v2x = x2 / n2;
        v2y = y2 / n2;
        sum1 += Math.log(n1);
        sum2 += Math.log(n2);
        n++;
    }

    /** The Jacobian of the map at (p, q), row-major {J11, J12, J21, J22} (symmetric). */
    static double[] jacobian(double phi, double eta, double p, double q) {
        double e = 0.25 * (p * p - q * q) - phi;
        double off = 0.5 * eta * p * q;
        return new double[] {1 - eta * e - 0.5 * eta * p * p, off, off, 1 + eta * e - 0.5 * eta * q * q};
    }

    /** The largest exponent λ₁ (per step), NaN before any step. */
    public double largest() {
        return sum1 / n;
    }

    /** The second exponent λ₂ (per step). */
    public double second() {
        return sum2 / n;
    }
}
