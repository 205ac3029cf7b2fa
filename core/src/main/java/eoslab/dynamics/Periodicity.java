package eoslab.dynamics;

/**
 * Period detection on the tail of an orbit of the 2-variable map, in the physical coordinates (m, λ) = (aᵀb,
 * ‖a‖² + ‖b‖²). Given {@link #SAMPLES} consecutive iterates x₀ … x₁₂₇ taken after the step budget, with
 * Δ_p(j) = |m_{j+p} − m_j| + |λ_{j+p} − λ_j|:
 * <ol>
 * <li>the orbit repeats with lag p when Δ_p(j) ≤ {@link #RTOL}·λ_j for every j &lt; 64 (the whole window must repeat,
 * so a chaotic orbit passing close to itself once is not mistaken for a periodic one);</li>
 * <li>the smallest such p is the period if p = 1 (the orbit has stopped moving: it settles on a fixed point), or if
 * the repeat is also resolved against the orbit's own amplitude A (the range of m plus the range of λ over the
 * window): Δ_p(j) ≤ {@link #AMPLITUDE_RTOL}·A. Otherwise the orbit is a small oscillation that still drifts by more
 * than that per period, typically a decaying oscillation near a fixed point (a run converging more slowly than
 * the budget), and is reported as period 1 too.</li>
 * </ol>
 * No repeat for any p ≤ {@link #MAX_PERIOD} gives 0 (aperiodic).
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
     */
    public static int period(double[] m, double[] lambda) {
        if (m.length < SAMPLES || lambda.length < SAMPLES) {
            throw new IllegalArgumentException("need " + SAMPLES + " samples");
        }
        for (int p = 1; p <= MAX_PERIOD; p++) {
            if (maxRepeatError(m, lambda, p, RTOL) >= 0) {
                return p == 1 || maxRepeatError(m, lambda, p, 0) <= AMPLITUDE_RTOL * amplitude(m, lambda) ? p : 1;
            }
        }
        return 0;
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
