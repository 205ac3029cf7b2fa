package eoslab.measure;

/**
 * One order of the period-doubling cascade as a bifurcation scan finds it: the step at which the 2ⁿ-cycle is
 * superstable (models.md §1.2), next to the exact parameter.
 *
 * @param n     the order: the cycle has period 2ⁿ
 * @param eta   the superstable step found, or null when the scan does not resolve it
 * @param c     η|Φ| at that step, or null
 * @param exact the exact c_n (a double within half an ulp)
 * @param note  how it was found, or why not
 */
public record SuperstablePoint(int n, Double eta, Double c, double exact, String note) {
    /** The period 2ⁿ. */
    public int period() {
        return 1 << n;
    }

    /** c − c_n, or null when not found. */
    public Double error() {
        return c == null ? null : c - exact;
    }
}
