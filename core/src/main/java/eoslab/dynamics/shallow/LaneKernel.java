package eoslab.dynamics.shallow;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.Stepper;
import eoslab.model.shallow.ShallowState;
import java.util.Arrays;

/**
 * The structure-of-arrays GD kernel: many runs ("lanes") of the reduced map of docs/model.md §3 on one target Φ, advanced
 * together in plain {@code double[]} arrays by a branch-free inner loop over lanes that the JIT vectorizes.
 *
 * <p>Each lane performs exactly the floating-point operations of {@link eoslab.dynamics.shallow.ReducedGd} (ε = 0.25·(p·p −
 * q·q) − Φ; h = η·ε; p⁺ = (1 − h)·p; q⁺ = (1 + h)·q), so its outcome and step equal those of {@code eoslab run},
 * whatever the tiling or thread count. Steps run in blocks of {@link #BLOCK}; per lane the loop keeps an event sum
 * that stays exactly zero unless |ε| ≤ tol at some step, and a sum of the norms that stays below a bound unless some
 * norm passed {@link Stepper.DIVERGENCE_NORM} or a value overflowed. After a block, a lane whose sums flag it is
 * replayed step by step from the block's start by the scalar reference step, which finds the exact step; finished
 * lanes are removed by compaction, so the vector loop only runs over live lanes. Lanes still bounded at the budget
 * are classified by {@link Periodicity} on {@link Periodicity#SAMPLES} further iterates.
 *
 * <p>Besides its fate, each lane reports its final state and the largest |ε_t| along the run ({@link LaneResults}).
 * The largest residual is one more vector operation per lane and step, a running maximum {@code mx = max(mx, |ε|)}
 * (its end-of-block state included by {@link #check}). It runs as a second, small loop over the lanes after each
 * step's loop, fed by the |ε| that the step's loop stores: in the step's loop itself it would push the loop body past
 * the size up to which C2 unrolls and vectorizes it (the whole loop then runs scalar, 10× slower). The block start's
 * maximum is saved with the block start's state, and a replayed lane recomputes it step by step from there up to its
 * final iterate, so the reported maximum covers exactly the iterates {@code eoslab run} visits. A kernel of another
 * method (momentum) mirrors this: a running maximum in its own loop after each step, saved per block, replayed.
 *
 * <p>Not thread-safe: one kernel per thread. Allocates nothing after construction.
 */
public final class LaneKernel {
    /** Steps between event checks. */
    public static final int BLOCK = 256;
    /** Lanes whose tails are sampled together (2 × 128 × 64 doubles = 128 KiB of samples, cache-resident). */
    private static final int TAIL_CHUNK = 64;
    private static final double NORM2_LIMIT = 2.0 * Stepper.DIVERGENCE_NORM;
    /**
     * Bound on a block's sum of the doubled norms p² + q²: the terms are non-negative, so each rounding of the sum
     * loses at most a factor (1 − 2⁻⁵³) and the computed sum of the {@link #BLOCK} + 1 states of a block is at least
     * (1 − (BLOCK + 1)·2⁻⁵³) times its largest term; below this bound no term exceeded {@link #NORM2_LIMIT}.
     */
    private static final double NORM_SUM_LIMIT = NORM2_LIMIT * (1.0 - 0x1p-40);


    private final double[] p;
    private final double[] q;
    private final double[] eta;
    private final double[] p0;
    private final double[] q0;
    private final double[] events;
    private final double[] norms;
    private final double[] maxAbs;
    private final double[] absResidual;
    private final double[] maxAbs0;
    private final int[] lane;
    private final double[] tailM = new double[Periodicity.SAMPLES];
    private final double[] tailL = new double[Periodicity.SAMPLES];
    private final double[] sampleM = new double[Periodicity.SAMPLES * TAIL_CHUNK];
    private final double[] sampleL = new double[Periodicity.SAMPLES * TAIL_CHUNK];

    private final int capacity;

    /**
     * A kernel for up to {@code capacity} lanes per call. The seven arrays of the vector loops are allocated one after
     * another with a padded length L ≡ 6 (mod 8), so that each occupies a multiple of 64 bytes (16-byte header +
     * 8L): consecutive arrays then share their alignment to 64-byte vectors and cache lines, and element i of one
     * is not 4 KiB away from element i of the next (measured: about 30% faster than unpadded arrays here). The
     * layout is what HotSpot does for consecutive allocations, not a guarantee.
     */
    public LaneKernel(int capacity) {
        this.capacity = capacity;
        int len = capacity + 16 + Math.floorMod(6 - (capacity + 16), 8);
        p = new double[len];
        q = new double[len];
        eta = new double[len];
        events = new double[len];
        norms = new double[len];
        maxAbs = new double[len];
        absResidual = new double[len];
        p0 = new double[capacity];
        q0 = new double[capacity];
        maxAbs0 = new double[capacity];
        lane = new int[capacity];
    }

    /** The largest number of lanes per call. */
    public int capacity() {
        return capacity;
    }

    /**
     * Runs {@code n} lanes to their fate; lane i's result goes to index i of {@code out}.
     *
     * @param phi      target Φ
     * @param tol      convergence tolerance on |ε|
     * @param maxSteps step budget
     * @param pIn      initial signed ‖a + b‖ per lane
     * @param qIn      initial signed ‖a − b‖ per lane
     * @param etaIn    step size per lane
     * @param n        number of lanes (≤ capacity, and ≤ the capacity of {@code out})
     * @param out      receives each lane's class, step, period, final state and largest residual
     */
    public void run(double phi, double tol, int maxSteps, double[] pIn, double[] qIn, double[] etaIn, int n,
                    LaneResults out) {
        if (n > capacity() || n > out.capacity()) {
            throw new IllegalArgumentException("more lanes than capacity: " + n);
        }
        int live = admit(phi, tol, pIn, qIn, etaIn, n, out);
        live = advance(phi, tol, maxSteps, live, out);
        classifyTails(phi, tol, maxSteps, live, out);
    }

    /**
     * Classifies the lanes still bounded at the budget from {@link Periodicity#SAMPLES} further iterates, sampled by
     * the vectorized loop ({@link #sampleSteps}) with the same event sums as the blocks: a lane whose tail has no
     * event gets exactly the samples of the scalar {@link #classifyTail}; a flagged lane (it may converge or diverge
     * in its tail) is classified by {@link #classifyTail} itself from the saved tail start.
     */
    private void classifyTails(double phi, double tol, int maxSteps, int live, LaneResults out) {
        if (live == 0) {
            return;
        }
        System.arraycopy(p, 0, p0, 0, live);
        System.arraycopy(q, 0, q0, 0, live);
        System.arraycopy(maxAbs, 0, maxAbs0, 0, live);
        Arrays.fill(events, 0, live, 0.0);
        Arrays.fill(norms, 0, live, 0.0);
        double tolUp = Math.nextUp(tol);
        for (int from = 0; from < live; from += TAIL_CHUNK) {
            int to = Math.min(live, from + TAIL_CHUNK);
            sampleSteps(from, to, phi, tolUp);
            for (int i = from; i < to; i++) {
                if (tailIsQuiet(i, phi, tolUp)) {
                    for (int j = 0; j < Periodicity.SAMPLES; j++) {
                        tailM[j] = sampleM[j * TAIL_CHUNK + i - from];
                        tailL[j] = sampleL[j * TAIL_CHUNK + i - from];
                    }
                    int per = Periodicity.period(tailM, tailL, phi);
                    out.set(lane[i], Periodicity.classOf(per), maxSteps, per, p0[i], q0[i], maxAbs0[i]);
                } else {
                    classifyTail(i, phi, tol, maxSteps, out);
                }
            }
        }
    }

    /** True when lane i's tail had no event: its sums are clean and its end state meets neither tol nor the bound. */
    private boolean tailIsQuiet(int i, double phi, double tolUp) {
        double pp = p[i] * p[i];
        double qq = q[i] * q[i];
        double c = tolUp - Math.abs(0.25 * (pp - qq) - phi);
        return events[i] == 0.0 && c + Math.abs(c) == 0.0 && norms[i] + (pp + qq) < NORM_SUM_LIMIT;
    }

    /**
     * The tail's {@link Periodicity#SAMPLES} steps of lanes from..to−1 (at most {@link #TAIL_CHUNK}, so that the
     * samples stay in cache): before each step, m = (p² − q²)/4 and λ = (p² + q²)/2 of every lane are recorded at
     * [j·TAIL_CHUNK + lane − from]; the steps themselves are those of {@link #steps}, with its event and norm sums.
     */
    private void sampleSteps(int from, int to, double phi, double tolUp) {
        for (int j = 0; j < Periodicity.SAMPLES; j++) {
            record(p, q, sampleM, sampleL, j * TAIL_CHUNK - from, from, to);
            steps(p, q, eta, events, norms, maxAbs, absResidual, from, to, 1, phi, tolUp);
        }
    }

    /** Records m and λ of lanes from..to−1 at offset + lane. */
    private static void record(double[] pa, double[] qa, double[] sm, double[] sl, int offset, int from, int to) {
        for (int i = from; i < to; i++) {
            double pp = pa[i] * pa[i];
            double qq = qa[i] * qa[i];
            sm[offset + i] = 0.25 * (pp - qq);
            sl[offset + i] = 0.5 * (pp + qq);
        }
    }

    /** Finishes the lanes that start converged and copies the others into the live arrays; returns their number. */
    private int admit(double phi, double tol, double[] pIn, double[] qIn, double[] etaIn, int n, LaneResults out) {
        int live = 0;
        for (int i = 0; i < n; i++) {
            double e = 0.25 * (pIn[i] * pIn[i] - qIn[i] * qIn[i]) - phi;
            if (Math.abs(e) <= tol) {
                out.set(i, CellClass.CONVERGED, 0, 0, pIn[i], qIn[i], Math.abs(e));
            } else {
                p[live] = pIn[i];
                q[live] = qIn[i];
                eta[live] = etaIn[i];
                maxAbs[live] = 0.0;
                lane[live] = i;
                live++;
            }
        }
        return live;
    }

    /** Runs blocks until every lane finished or the budget is spent; returns the number of lanes still live. */
    private int advance(double phi, double tol, int maxSteps, int live, LaneResults out) {
        double tolUp = Math.nextUp(tol);
        int k = 0;
        while (live > 0 && k < maxSteps) {
            int kb = Math.min(BLOCK, maxSteps - k);
            live = block(phi, tol, tolUp, k, kb, live, out);
            k += kb;
        }
        return live;
    }

    /**
     * One block of kb steps of every live lane, then the event check; returns the number of lanes still live.
     *
     * <p>The step loop's inner loop over lanes is the vectorized one ({@link #steps}). Besides the step, each lane
     * adds c + |c| to its event sum, with c = nextUp(tol) − |ε|, which is exactly 0 unless |ε| ≤ tol, p² + q² to
     * its norm sum and |ε| to its running maximum; the end state of the block is added to all three by one more
     * vectorized pass ({@link #check}).
     * A lane whose event sum is not 0, or whose norm sum is not below {@link #NORM_SUM_LIMIT} (some norm passed the
     * bound, or a value overflowed to ∞ or NaN), is replayed by the scalar reference step, which finds the exact step;
     * finished lanes are removed by compaction. Blocks without events cost one scalar compare pair per lane.
     */
    private int block(double phi, double tol, double tolUp, int k, int kb, int live, LaneResults out) {
        final double[] pa = p;
        final double[] qa = q;
        final double[] ea = eta;
        final double[] ev = events;
        final double[] nv = norms;
        final double[] mx = maxAbs;
        System.arraycopy(pa, 0, p0, 0, live);
        System.arraycopy(qa, 0, q0, 0, live);
        System.arraycopy(mx, 0, maxAbs0, 0, live);
        Arrays.fill(ev, 0, live, 0.0);
        Arrays.fill(nv, 0, live, 0.0);
        steps(pa, qa, ea, ev, nv, mx, absResidual, 0, live, kb, phi, tolUp);
        check(pa, qa, ev, nv, mx, live, phi, tolUp);
        int first = 0;
        while (first < live && ev[first] == 0.0 && nv[first] < NORM_SUM_LIMIT) {
            first++;
        }
        int kept = first;
        for (int i = first; i < live; i++) {
            boolean suspect = !(ev[i] == 0.0) || !(nv[i] < NORM_SUM_LIMIT);
            if (suspect && replay(i, phi, tol, k, kb, out)) {
                continue;
            }
            pa[kept] = pa[i];
            qa[kept] = qa[i];
            ea[kept] = ea[i];
            mx[kept] = mx[i];
            lane[kept] = lane[i];
            kept++;
        }
        return kept;
    }

    /**
     * The vector loops: kb steps of lanes from..to−1 adding to the event and norm sums, each step's loop storing |ε| in
     * ab, then a loop taking the running maximum of |ε| from it (see {@link #block}).
     */
    private static void steps(double[] pa, double[] qa, double[] ea, double[] ev, double[] nv, double[] mx,
                              double[] ab, int from, int to, int kb, double phi, double tolUp) {
        for (int s = 0; s < kb; s++) {
            for (int i = from; i < to; i++) {
                double pi = pa[i];
                double qi = qa[i];
                double pp = pi * pi;
                double qq = qi * qi;
                double e = 0.25 * (pp - qq) - phi;
                double h = ea[i] * e;
                pa[i] = (1.0 - h) * pi;
                qa[i] = (1.0 + h) * qi;
                double a = Math.abs(e);
                double c = tolUp - a;
                ev[i] += c + Math.abs(c);
                nv[i] += pp + qq;
                ab[i] = a;
            }
            for (int i = from; i < to; i++) {
                mx[i] = Math.max(mx[i], ab[i]);
            }
        }
    }

    /** Adds the current (end-of-block) state of lanes 0..live−1 to the sums and the maximum, vectorized. */
    private static void check(double[] pa, double[] qa, double[] ev, double[] nv, double[] mx, int live, double phi,
                              double tolUp) {
        for (int i = 0; i < live; i++) {
            double pp = pa[i] * pa[i];
            double qq = qa[i] * qa[i];
            double a = Math.abs(0.25 * (pp - qq) - phi);
            double c = tolUp - a;
            ev[i] += c + Math.abs(c);
            nv[i] += pp + qq;
            mx[i] = Math.max(mx[i], a);
        }
    }

    /**
     * Replays lane i's block from its start with the scalar reference step, updating the running maximum of |ε| from
     * its value at the block start.
     *
     * @return true when the lane finished within the block (results written)
     */
    private boolean replay(int i, double phi, double tol, int k, int kb, LaneResults out) {
        double pi = p0[i];
        double qi = q0[i];
        double h0 = eta[i];
        double e = 0.25 * (pi * pi - qi * qi) - phi;
        double mxi = Math.max(maxAbs0[i], Math.abs(e));
        if (Math.abs(e) <= tol) {
            out.set(lane[i], CellClass.CONVERGED, k, 0, pi, qi, mxi);
            return true;
        }
        for (int j = 1; j <= kb; j++) {
            double h = h0 * e;
            double np = (1.0 - h) * pi;
            double nq = (1.0 + h) * qi;
            if (!(0.5 * (np * np + nq * nq) <= Stepper.DIVERGENCE_NORM)) {
                out.set(lane[i], CellClass.DIVERGED, k + j, 0, pi, qi, mxi);
                return true;
            }
            pi = np;
            qi = nq;
            e = 0.25 * (np * np - nq * nq) - phi;
            mxi = Math.max(mxi, Math.abs(e));
            if (Math.abs(e) <= tol) {
                out.set(lane[i], CellClass.CONVERGED, k + j, 0, pi, qi, mxi);
                return true;
            }
        }
        p[i] = pi;
        q[i] = qi;
        maxAbs[i] = mxi;
        return false;
    }

    /**
     * Classifies lane i from its state at the budget (p0, q0) with the scalar reference step over the
     * {@link Periodicity#SAMPLES} further iterates: slow (period 1) if |ε| meets tol among them (it converges, but
     * after the budget); diverged, with that step, if the norm passes the bound among them (its fate is decided, so
     * it is not bounded: final state and largest residual are then those of the divergent run); else by
     * {@link Periodicity#period}.
     */
    private void classifyTail(int i, double phi, double tol, int maxSteps, LaneResults out) {
        double pi = p0[i];
        double qi = q0[i];
        double h0 = eta[i];
        double mxi = maxAbs0[i];
        for (int j = 0; j < Periodicity.SAMPLES; j++) {
            double pp = pi * pi;
            double qq = qi * qi;
            double e = 0.25 * (pp - qq) - phi;
            if (Math.abs(e) <= tol) {
                out.set(lane[i], CellClass.SLOW, maxSteps, 1, p0[i], q0[i], maxAbs0[i]);
                return;
            }
            tailM[j] = 0.25 * (pp - qq);
            tailL[j] = 0.5 * (pp + qq);
            mxi = Math.max(mxi, Math.abs(e));
            double h = h0 * e;
            double np = (1.0 - h) * pi;
            double nq = (1.0 + h) * qi;
            if (!(0.5 * (np * np + nq * nq) <= Stepper.DIVERGENCE_NORM)) {
                out.set(lane[i], CellClass.DIVERGED, maxSteps + j + 1, 0, pi, qi, mxi);
                return;
            }
            pi = np;
            qi = nq;
        }
        int per = Periodicity.period(tailM, tailL, phi);
        out.set(lane[i], Periodicity.classOf(per), maxSteps, per, p0[i], q0[i], maxAbs0[i]);
    }
}
