package eoslab.landscape;

/**
 * The exact convergence boundary of GD on ½(aᵀb − Φ)² (Liang &amp; Montúfar, ICLR 2026; models.md §1):
 * for almost every start (m₀, λ₀), GD with step η converges iff η &lt; η*, where
 * <pre>η* = min{ 1/|Φ| , 8 / (λ₀ + √(λ₀² − 16Φ(m₀ − Φ))) }.</pre>
 * The radicand equals Q₀² + 4(m₀ − 2Φ)² with Q₀² = λ₀² − 4m₀² ≥ 0, so it is never negative and the second term is
 * always defined; it is computed in that form, on inputs rescaled by a power of two, so that it neither cancels,
 * overflows nor underflows, and η*(sΦ, sm₀, sλ₀) = η*(Φ, m₀, λ₀)/s exactly for every power of two s that scales
 * the inputs and the result exactly.
 *
 * @param eta   η* (infinite only when Φ = 0 and λ₀ = 0)
 * @param bound which term of the minimum binds
 */
public record ConvergenceBoundary(double eta, Bound bound) {

    /** Which term of η* binds. */
    public enum Bound {
        /** η* = 1/|Φ|: beyond it every global minimum is unstable. */
        BEYOND,
        /** η* = 8/(λ₀ + √(λ₀² − 16Φ(m₀ − Φ))) &lt; 1/|Φ|: beyond it GD diverges. */
        NORM,
        /** Φ = 0: η* = 4/λ₀, the catapult limit of model.md §6. */
        CATAPULT;

        /** The lower-case name used in JSON and CSV. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The boundary η* of a start with product m₀ = aᵀb and norm λ₀ = ‖a‖² + ‖b‖² for target Φ.
     *
     * @throws IllegalArgumentException if an argument is not finite or λ₀ &lt; 2|m₀|
     */
    public static ConvergenceBoundary of(double phi, double m0, double lambda0) {
        return of(phi, normBound(phi, m0, lambda0));
    }

    /**
     * The boundary η* of a start given with its imbalance Q₀ as well, for starts whose m₀ and λ₀ are computed sums
     * (vectors), where λ₀ ≥ 2|m₀| may fail by rounding: the radicand is formed as Q₀² + 4(m₀ − 2Φ)² from Q₀ itself.
     *
     * @throws IllegalArgumentException if an argument is not finite, or λ₀ or Q₀ is negative
     */
    public static ConvergenceBoundary of(double phi, double m0, double lambda0, double imbalance0) {
        if (!Double.isFinite(phi) || !Double.isFinite(m0) || !(lambda0 >= 0.0) || !Double.isFinite(lambda0)
                || !(imbalance0 >= 0.0) || !Double.isFinite(imbalance0)) {
            throw new IllegalArgumentException("need finite phi, m0, lambda0 >= 0 and imbalance0 >= 0: " + phi + ", "
                    + m0 + ", " + lambda0 + ", " + imbalance0);
        }
        double top = Math.max(Math.abs(phi), Math.max(lambda0, Math.abs(m0)));
        if (top == 0.0) {
            return of(phi, Double.POSITIVE_INFINITY);
        }
        int e = Math.getExponent(top);
        double q = Math.scalb(imbalance0, -e);
        double d = Math.scalb(m0, -e) - 2.0 * Math.scalb(phi, -e);
        return of(phi, Math.scalb(8.0 / (Math.scalb(lambda0, -e) + Math.sqrt(q * q + 4.0 * d * d)), -e));
    }

    private static ConvergenceBoundary of(double phi, double norm) {
        if (phi == 0.0) {
            return new ConvergenceBoundary(norm, Bound.CATAPULT);
        }
        double beyond = 1.0 / Math.abs(phi);
        return beyond <= norm
                ? new ConvergenceBoundary(beyond, Bound.BEYOND)
                : new ConvergenceBoundary(norm, Bound.NORM);
    }

    /**
     * The second term 8/(λ₀ + √(Q₀² + 4(m₀ − 2Φ)²)) of η*, the smallest positive root of η ↦ η·F(η) (4/λ₀ at Φ = 0;
     * 2/|Φ| at λ₀ = 0; +∞ when Φ = λ₀ = 0).
     *
     * @throws IllegalArgumentException if an argument is not finite or λ₀ &lt; 2|m₀|
     */
    public static double normBound(double phi, double m0, double lambda0) {
        if (!Double.isFinite(phi) || !Double.isFinite(lambda0) || !(lambda0 >= 2.0 * Math.abs(m0))) {
            throw new IllegalArgumentException(
                    "need finite phi, m0 and lambda0 >= 2|m0|: " + phi + ", " + m0 + ", " + lambda0);
        }
        double top = Math.max(Math.abs(phi), lambda0);
        if (top == 0.0) {
            return Double.POSITIVE_INFINITY;
        }
        int e = Math.getExponent(top);
        double p = Math.scalb(phi, -e);
        double m = Math.scalb(m0, -e);
        double l = Math.scalb(lambda0, -e);
        double q2 = (l - 2.0 * Math.abs(m)) * (l + 2.0 * Math.abs(m));
        double d = m - 2.0 * p;
        return Math.scalb(8.0 / (l + Math.sqrt(q2 + 4.0 * d * d)), -e);
    }

    /**
     * F(η) = λ − ηΦm − 4/η + ηΦ², evaluated as λ − 4/η − ηΦε with ε = m − Φ. Along GD with step η it obeys
     * F_{t+1} = (1 + η²m_tε_t)·F_t exactly (see {@link #factor}).
     */
    public static double f(double phi, double m, double lambda, double eta) {
        return lambda - 4.0 / eta - eta * phi * (m - phi);
    }

    /**
     * The factor 1 + η²mε by which one GD step multiplies F; it is at least 1 − (ηΦ)²/4, hence positive (F keeps
     * its sign) when η|Φ| &lt; 2.
     */
    public static double factor(double eta, double m, double eps) {
        return 1.0 + eta * eta * m * eps;
    }

    /**
     * The convergence criterion in its other form: η|Φ| &lt; 1 and F₀ &lt; 0. For η &gt; 0 it agrees with η &lt; η*,
     * up to rounding at the boundary (on (0, 1/|Φ|) the quadratic η·F(η) is negative exactly below its smallest
     * positive root).
     */
    public static boolean converges(double phi, double m0, double lambda0, double eta) {
        return eta * Math.abs(phi) < 1.0 && f(phi, m0, lambda0, eta) < 0.0;
    }
}
