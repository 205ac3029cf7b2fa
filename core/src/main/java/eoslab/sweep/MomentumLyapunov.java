package eoslab.sweep;

/**
 * The two largest Lyapunov exponents of the 4-variable map of heavy ball or Nesterov on the shallow model
 * (docs/models.md §2), x = (p, q) with previous value x⁻, along an orbit. With A(x) the Jacobian of the GD map at x
 * ({@link Lyapunov#jacobian}), the Jacobian of the momentum map on (x, x⁻) is
 * <pre>
 *   heavy ball:  [[A(x) + βI, −βI], [I, 0]]
 *   Nesterov:    [[(1 + β)·A(y), −β·A(y)], [I, 0]],   y = x + β(x − x⁻)
 * </pre>
 * Two tangent vectors of ℝ⁴ are advanced and re-orthonormalized (Gram–Schmidt) at each iterate; the exponents are the
 * mean logarithms of the stretch factors, as in {@link Lyapunov}. At a minimum the eigenvalues of A are 1 and 1 − ηλ,
 * and each gives the two roots of μ² − (a + β)μ + β (heavy ball) or μ² − a(1 + β)μ + aβ (Nesterov): 1 and β along
 * the curve of minima, so a converged orbit has λ₁ = 0.
 */
public final class MomentumLyapunov {
    /**
     * The initial tangent vectors, orthonormal. Their (x, x⁻) parts are not proportional in the same way: at a
     * converged orbit the two leading eigenvectors are (u, u) and (βu, u), and a plane of vectors (w, w), or of vectors
     * (2w, w), meets their span in a line only, so the second exponent would start from rounding noise.
     */
    private final double[] v1 = {0.8, 0.2, 0.4, -0.4};
    private final double[] v2 = {-0.2, 0.8, 0.4, 0.4};
    private final double[] w1 = new double[4];
    private final double[] w2 = new double[4];
    private final boolean nesterov;
    private final double beta;
    private double sum1;
    private double sum2;
    private long n;

    /**
     * A measurement for one method.
     *
     * @param nesterov Nesterov (true) or heavy ball
     * @param beta     the momentum β
     */
    public MomentumLyapunov(boolean nesterov, double beta) {
        this.nesterov = nesterov;
        this.beta = beta;
    }

    /** Accumulates the Jacobian of the map at (p, q, p⁻, q⁻) with step η on target Φ. */
    public void accumulate(double phi, double eta, double p, double q, double pm, double qm) {
        double[] a;
        double c;
        double b;
        if (nesterov) {
            a = Lyapunov.jacobian(phi, eta, p + beta * (p - pm), q + beta * (q - qm));
            c = 1.0 + beta;
            b = -beta;
        } else {
            a = Lyapunov.jacobian(phi, eta, p, q);
            a[0] += beta;
            a[3] += beta;
            c = 1.0;
            b = -beta;
        }
        double n1 = apply(a, c, b, v1, w1);
        for (int i = 0; i < 4; i++) {
            v1[i] = w1[i] / n1;
        }
        apply(a, c, b, v2, w2);
        double dot = 0;
        for (int i = 0; i < 4; i++) {
            dot += w2[i] * v1[i];
        }
        double n2 = 0;
        for (int i = 0; i < 4; i++) {
            w2[i] -= dot * v1[i];
            n2 += w2[i] * w2[i];
        }
        n2 = Math.sqrt(n2);
        for (int i = 0; i < 4; i++) {
            v2[i] = w2[i] / n2;
        }
        sum1 += Math.log(n1);
        sum2 += Math.log(n2);
        n++;
    }

    /** w = [[c·A, b·A or −βI], [I, 0]]·v (see the class comment); returns ‖w‖. */
    private double apply(double[] a, double c, double b, double[] v, double[] w) {
        double ax = a[0] * v[0] + a[1] * v[1];
        double ay = a[2] * v[0] + a[3] * v[1];
        if (nesterov) {
            double amx = a[0] * v[2] + a[1] * v[3];
            double amy = a[2] * v[2] + a[3] * v[3];
            w[0] = c * ax + b * amx;
            w[1] = c * ay + b * amy;
        } else {
            w[0] = ax + b * v[2];
            w[1] = ay + b * v[3];
        }
        w[2] = v[0];
        w[3] = v[1];
        return Math.sqrt(w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3]);
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
