package eoslab.dynamics;

/**
 * Period detection on the tail of an orbit of the 2-variable map, in the physical coordinates (m, λ) = (aᵀb,
 * ‖a‖² + ‖b‖²): the one rule by which phase maps, their certification and bifurcation diagrams classify a bounded
 * orbit. Given {@link #SAMPLES} consecutive iterates x₀ … x₁₂₇ taken after the step budget, with
 * Δ_p(j) = |m_{j+p} − m_j| + |λ_{j+p} − λ_j| and ε_j = m_j − Φ:
 * <ol>
 * <li>the orbit repeats with lag p when Δ_p(j) ≤ {@link #RTOL}·λ_j for every j &lt; 64 (the whole window must repeat,
 * so a chaotic orbit passing close to itself once is not mistaken for a periodic one);</li>
 * <li>the smallest such p is the period if p = 1 (the orbit has stopped moving: it settles on a fixed point), or if
 * the repeat is also resolved against the orbit's own amplitude A (the range of m plus the range of λ over the
 * window): Δ_p(j) ≤ {@link #AMPLITUDE_RTOL}·A. Otherwise the orbit is a small oscillation that still drifts by more
 * than that per period, typically a decaying oscillation near a fixed point (a run converging more slowly than
 * the budget), and is reported as period 1 too.</li>
 * </ol>
 * No repeat for any p ≤ {@link #MAX_PERIOD} gives 0 (aperiodic), unless the orbit is settling: |ε_{j+2}| &lt; |ε_j|
 * for every j, or |ε_{j+2}| &gt; |ε_j| for every j, i.e. the even and the odd iterates both move monotonically, towards
 * or away from the target, over the whole window. That is how slow convergence looks when it is too slow for a repeat
 * to 10⁻⁹·λ (just below η|Φ| = 1 the residual decays like t^{−1/2}, critical slowing, models.md §1.3), and how the
 * slow approach to the 2-cycle born at η|Φ| = 1 looks just above; it is reported as period 1 as well. A chaotic orbit
 * cannot move monotonically for {@link #SAMPLES} iterates.
 */
public final class Periodicity {
    /** The largest detected period. */
    public static final int MAX_PERIOD = 64;
    /** Number of iterates the test needs. */
    public static final int SAMPLES = 2 * MAX_PERIOD;
    /** Tolerance of a repeat, relative to λ. */
    public static final double RTOL = 1e-9;
    /** Tolerance of a repeat relative to the orbit's amplitude, for periods above 1. */
    public static final double AMPLITUDE_RTOL = 1e-6;

    private Periodicity() {
    }

    /**
     * The smallest period of the samples, or 0 when there is none up to {@link #MAX_PERIOD}.
     *
     * @param m      products of {@link #SAMPLES} consecutive iterates
     * @param lambda norms of the same iterates
     * @param phi    the target Φ (for the settling test on ε = m − Φ)
     */
    public static int period(double[] m, double[] lambda, double phi) {
        if (m.length < SAMPLES || lambda.length < SAMPLES) {
            throw new IllegalArgumentException("need " + SAMPLES + " samples");
        }
        for (int p = 1; p <= MAX_PERIOD; p++) {
            if (maxRepeatError(m, lambda, p, RTOL) >= 0) {
                return p == 1 || maxRepeatError(m, lambda, p, 0) <= AMPLITUDE_RTOL * amplitude(m, lambda) ? p : 1;
            }
        }
        return settling(m, phi) ? 1 : 0;
    }

    /** True when |ε_{j+2}| &lt; |ε_j| for every j of the window, or |ε_{j+2}| &gt; |ε_j| for every j. */
    private static boolean settling(double[] m, double phi) {
        boolean shrinking = true;
        boolean growing = true;
        for (int j = 0; j + 2 < SAMPLES; j++) {
            double before = Math.abs(m[j] - phi);
            double after = Math.abs(m[j + 2] - phi);
            shrinking &= after < before;
            growing &= after > before;
        }
        return shrinking || growing;
    }

    /** The largest Δ_p(j) over the window, or −1 as soon as one exceeds rtol·λ_j (rtol = 0: no limit). */
    private static double maxRepeatError(double[] m, double[] lambda, int p, double rtol) {
        double max = 0;
        for (int j = 0; j < MAX_PERIOD; j++) {
            double d = Math.abs(m[j + p] - m[j]) + Math.abs(lambda[j + p] - lambda[j]);
            if (rtol > 0 && !(d <= rtol * lambda[j])) {
                return -1;
            }
            max = Math.max(max, d);
        }
        return max;
    }

    /** The range of m plus the range of λ over all samples. */
    private static double amplitude(double[] m, double[] lambda) {
        double mLo = m[0];
        double mHi = m[0];
        double lLo = lambda[0];
        double lHi = lambda[0];
        for (int j = 1; j < SAMPLES; j++) {
            mLo = Math.min(mLo, m[j]);
            mHi = Math.max(mHi, m[j]);
            lLo = Math.min(lLo, lambda[j]);
            lHi = Math.max(lHi, lambda[j]);
        }
        return (mHi - mLo) + (lHi - lLo);
    }

    /** The class of a bounded orbit with the given detected period. */
    public static CellClass classOf(int period) {
        return period == 0 ? CellClass.APERIODIC : period == 1 ? CellClass.SLOW : CellClass.PERIODIC;
    }
}
