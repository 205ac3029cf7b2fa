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
 *
 * <p>The tangent vectors start from a fixed pair, and while they turn towards the orbit's Lyapunov directions the
 * stretch factors are biased: counted from the first iterate, a fixed point's neutral exponent comes out near
 * ln|cos θ₀|/K after K iterates instead of 0 (−0.003 at K = 100). {@link #align} advances the vectors without
 * counting (over the discarded transient of a bifurcation column), so the counted iterates start aligned and the
 * estimate converges: at a fixed point the bias decays like |1 − ηλ∞|^T over T aligning steps. The counted iterates
 * are also split into {@link #BATCHES} consecutive batches, whose means give the estimate's standard error
 * (batch means; it shows the finite-window spread of a chaotic orbit and vanishes on a fixed point).
 */
public final class Lyapunov {
    /** Number of batches of the error estimate. */
    public static final int BATCHES = 8;

    private final int batchLength;
    private final double[] batch1 = new double[BATCHES];
    private final double[] batch2 = new double[BATCHES];
    private double v1x = Math.sqrt(0.5);
    private double v1y = Math.sqrt(0.5);
    private double v2x = -Math.sqrt(0.5);
    private double v2y = Math.sqrt(0.5);
    private double sum1;
    private double sum2;
    private long n;

    /** An estimator over {@code steps} counted iterates (the length of its error batches is steps/{@link #BATCHES}). */
    public Lyapunov(int steps) {
        this.batchLength = steps / BATCHES;
    }

    /** Advances the tangent vectors by the Jacobian at (p, q) without counting the stretch. */
    public void align(double phi, double eta, double p, double q) {
        advance(phi, eta, p, q, false);
    }

    /** Accumulates the Jacobian of the map at (p, q) with step η on target Φ. */
    public void accumulate(double phi, double eta, double p, double q) {
        advance(phi, eta, p, q, true);
    }

    private void advance(double phi, double eta, double p, double q, boolean count) {
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
        if (!(n1 > 0) || !(n2 > 0) || !Double.isFinite(n1) || !Double.isFinite(n2)) {
            // a degenerate Jacobian (an orbit through a critical point) or overflow: keep the vectors
            if (count) {
                record(Math.log(n1), Math.log(n2));
            }
            return;
        }
        v1x = x1;
        v1y = y1;
        v2x = x2 / n2;
        v2y = y2 / n2;
        if (count) {
            record(Math.log(n1), Math.log(n2));
        }
    }

    private void record(double l1, double l2) {
        sum1 += l1;
        sum2 += l2;
        if (batchLength > 0 && n < (long) batchLength * BATCHES) {
            int k = (int) (n / batchLength);
            batch1[k] += l1;
            batch2[k] += l2;
        }
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

    /** The standard error of {@link #largest()}: sd of the batch means / √{@value #BATCHES}; NaN without full batches. */
    public double largestError() {
        return error(batch1);
    }

    /** The standard error of {@link #second()}. */
    public double secondError() {
        return error(batch2);
    }

    private double error(double[] batch) {
        if (batchLength == 0 || n < (long) batchLength * BATCHES) {
            return Double.NaN;
        }
        double mean = 0;
        for (double b : batch) {
            mean += b / batchLength;
        }
        mean /= BATCHES;
        double ss = 0;
        for (double b : batch) {
            double d = b / batchLength - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (BATCHES - 1) / BATCHES);
    }
}
