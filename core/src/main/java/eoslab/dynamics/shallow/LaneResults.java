package eoslab.dynamics.shallow;

import eoslab.dynamics.CellClass;
import eoslab.model.shallow.Quantities;

/**
 * What a lane kernel reports for each of up to {@code capacity} lanes, index i for input lane i: the fate ({@link
 * CellClass} ordinal), the step (the converged step, the divergent step as in
 * {@link eoslab.dynamics.RunResult#endStep()}, or the budget for bounded runs; a lane that diverges within the
 * period test's iterates after the budget is diverged, with its step beyond the budget), the period (0 unless
 * periodic or slow), the final state as signed reduced coordinates (p, q) and the largest residual |ε_t| along the
 * run.
 *
 * <p>The final state is the one {@code eoslab run} ends at with the same budget: the converged iterate, the last
 * finite iterate of a divergent run, or the iterate at the budget of a bounded one (before the period test's further
 * iterates). The largest residual is taken over the same iterates, 0 to the final one, so
 * {@link #maxLoss(int) ½·max|ε_t|²} is bit for bit the run's {@code max_loss} (x ↦ fl(½·fl(x·x)) is monotone, so it
 * commutes with the maximum). Quantities of the final state follow from (p, q) by the expressions of
 * {@link ReducedGd}, so they too equal the run's. A holder of plain arrays, reused across calls; not thread-safe.
 */
public final class LaneResults {
    private final byte[] cls;
    private final int[] steps;
    private final byte[] period;
    private final double[] p;
    private final double[] q;
    private final double[] maxResidual;

    /** Room for up to {@code capacity} lanes. */
    public LaneResults(int capacity) {
        cls = new byte[capacity];
        steps = new int[capacity];
        period = new byte[capacity];
        p = new double[capacity];
        q = new double[capacity];
        maxResidual = new double[capacity];
    }

    /** The number of lanes it holds. */
    public int capacity() {
        return cls.length;
    }

    /** Records lane i's result. */
    void set(int i, CellClass c, int step, int per, double finalP, double finalQ, double maxAbsResidual) {
        cls[i] = (byte) c.ordinal();
        steps[i] = step;
        period[i] = (byte) per;
        p[i] = finalP;
        q[i] = finalQ;
        maxResidual[i] = maxAbsResidual;
    }

    /** Lane i's class code ({@link CellClass} ordinal). */
    public byte cls(int i) {
        return cls[i];
    }

    /** Lane i's step. */
    public int steps(int i) {
        return steps[i];
    }

    /** Lane i's period. */
    public byte period(int i) {
        return period[i];
    }

    /** Signed ‖a + b‖ of lane i's final state. */
    public double p(int i) {
        return p[i];
    }

    /** Signed ‖a − b‖ of lane i's final state. */
    public double q(int i) {
        return q[i];
    }

    /** max_t |ε_t| over lane i's iterates, from the start to the final state. */
    public double maxResidual(int i) {
        return maxResidual[i];
    }

    /** ½·max_t ε_t²: the run's {@code max_loss}. */
    public double maxLoss(int i) {
        return Quantities.loss(maxResidual[i]);
    }

    /** The sharpness of lane i's final state on target Φ (the run's {@code sharpness}). */
    public double sharpness(int i, double phi) {
        double pp = p[i] * p[i];
        double qq = q[i] * q[i];
        double product = 0.25 * (pp - qq);
        return Quantities.sharpness(0.25 * (pp - qq) - phi, 0.5 * (pp + qq), product);
    }
}
