package eoslab.sweep;

/**
 * Period detection on the tail of an orbit of the 2-variable map, in the physical coordinates (m, λ) = (aᵀb,
 * ‖a‖² + ‖b‖²). Given {@link #SAMPLES} consecutive iterates x₀ … x₁₂₇ taken after the step budget, the period is the
 * smallest p ≤ {@link #MAX_PERIOD} with |m_{j+p} − m_j| + |λ_{j+p} − λ_j| ≤ {@link #RTOL}·λ_j for every j &lt; 64:
 * the whole window of 64 iterates must repeat after p steps, so a chaotic orbit passing close to itself once is not
 * mistaken for a periodic one. Period 1 means the orbit has (nearly) stopped moving.
 */
public final class Periodicity {
    /** The largest detected period. */
    public static final int MAX_PERIOD = 64;
    /** Number of iterates the test needs. */
    public static final int SAMPLES = 2 * MAX_PERIOD;
    /** Relative tolerance of a repeat. */
    public static final double RTOL = 1e-9;

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
            if (repeats(m, lambda, p)) {
                return p;
            }
        }
        return 0;
    }

    private static boolean repeats(double[] m, double[] lambda, int p) {
        for (int j = 0; j < MAX_PERIOD; j++) {
            double d = Math.abs(m[j + p] - m[j]) + Math.abs(lambda[j + p] - lambda[j]);
            if (!(d <= RTOL * lambda[j])) {
                return false;
            }
        }
        return true;
    }

    /** The class of a bounded orbit with the given detected period. */
    public static CellClass classOf(int period) {
        return period == 0 ? CellClass.APERIODIC : period == 1 ? CellClass.SLOW : CellClass.PERIODIC;
    }
}
