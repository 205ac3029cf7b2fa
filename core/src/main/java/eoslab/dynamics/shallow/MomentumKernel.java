package eoslab.dynamics.shallow;

import eoslab.dynamics.CellClass;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.Stepper;
import java.util.Arrays;

/**
 * The structure-of-arrays kernel of heavy ball and Nesterov (docs/models.md §2): many runs ("lanes") of the exact
 * 4-variable map on one target Φ and one momentum β (a tile of a phase map is one row of it), each with its own
 * step η, advanced together in plain
 * {@code double[]} arrays by a branch-free inner loop over lanes that the JIT vectorizes. It mirrors {@link LaneKernel}
 * (same blocks, event sums, replay, compaction and tail classification, so the classification rules are identical)
 * with twice the state: p, q and their previous values p⁻, q⁻ (p⁻ = p, q⁻ = q at the start).
 *
 * <p>Each lane performs exactly the floating-point operations of {@link ReducedMomentum} with a constant step
 * (heavy ball: ε = 0.25·(p·p − q·q) − Φ; h = η·ε; p⁺ = (1 − h)·p + β·(p − p⁻), q⁺ = (1 + h)·q + β·(q − q⁻);
 * Nesterov: p_y = p + β·(p − p⁻), q_y = q + β·(q − q⁻); h = η·(0.25·(p_y·p_y − q_y·q_y) − Φ); p⁺ = (1 − h)·p_y,
 * q⁺ = (1 + h)·q_y), so its outcome and step equal those of {@code eoslab run} with that method, whatever the tiling or
 * thread count. The events are those of the iterates themselves: |ε(p, q)| ≤ tol, and the norm λ = (p² + q²)/2 passing
 * {@link Stepper#DIVERGENCE_NORM}; a flagged lane is replayed step by step from its block's start (all four
 * coordinates saved) by the scalar reference step. Lanes still bounded at the budget are classified by
 * {@link Periodicity} on {@link Periodicity#SAMPLES} further iterates of (m, λ), as for gradient descent.
 *
 * <p>The previous values are kept by ping-pong: a step reads p and p⁻ and writes p⁺ over p⁻, after which the two
 * arrays swap roles, so no copy of the state is made.
 *
 * <p>Not thread-safe: one kernel per thread. Allocates nothing after construction.
 */
public final class MomentumKernel {
    /** Steps between event checks (as {@link LaneKernel#BLOCK}). */
    public static final int BLOCK = LaneKernel.BLOCK;
    /** Lanes whose tails are sampled together. */
    private static final int TAIL_CHUNK = 64;
    private static final double NORM2_LIMIT = 2.0 * Stepper.DIVERGENCE_NORM;
    /** As {@link LaneKernel}: below this bound on a block's sum of p² + q², no term exceeded the divergence bound. */
    private static final double NORM_SUM_LIMIT = NORM2_LIMIT * (1.0 - 0x1p-40);

    private double[] p;
    private double[] q;
    private double[] pm;
    private double[] qm;
    private final double[] eta;
    private final double[] events;
    private final double[] norms;
    private final double[] p0;
    private final double[] q0;
    private final double[] pm0;
    private final double[] qm0;
    private final int[] lane;
    private final double[] tailM = new double[Periodicity.SAMPLES];
    private final double[] tailL = new double[Periodicity.SAMPLES];
    private final double[] sampleM = new double[Periodicity.SAMPLES * TAIL_CHUNK];
    private final double[] sampleL = new double[Periodicity.SAMPLES * TAIL_CHUNK];
    private final double[] next = new double[2];
    private final int capacity;
    private boolean nesterov;
    private double beta;

    /**
     * A kernel for up to {@code capacity} lanes per call. The nine arrays of the vector loops are allocated one after
     * another with the padded length of {@link LaneKernel} (L ≡ 6 mod 8: each array a multiple of 64 bytes, so they
     * share their alignment to vectors and cache lines).
     */
    public MomentumKernel(int capacity) {
        this.capacity = capacity;
        int len = capacity + 16 + Math.floorMod(6 - (capacity + 16), 8);
        p = new double[len];
        q = new double[len];
        pm = new double[len];
        qm = new double[len];
        eta = new double[len];
        events = new double[len];
        norms = new double[len];
        p0 = new double[capacity];
        q0 = new double[capacity];
        pm0 = new double[capacity];
        qm0 = new double[capacity];
        lane = new int[capacity];
    }

    /** The largest number of lanes per call. */
    public int capacity() {
        return capacity;
    }

    /**
     * Runs {@code n} lanes to their fate. Results go to index i of {@code out} for input lane i, as for
     * {@link LaneKernel}: the {@link CellClass} ordinal, the step, the period and the final state (p, q); the largest
     * residual is not tracked here (NaN: momentum maps carry no per-cell max loss).
     *
     * @param nesterov Nesterov (true) or heavy ball (false) for every lane
     * @param beta     the momentum of every lane, 0 ≤ β &lt; 1
     * @param phi      target Φ
     * @param tol      convergence tolerance on |ε|
     * @param maxSteps step budget
     * @param pIn      initial signed ‖a + b‖ per lane
     * @param qIn      initial signed ‖a − b‖ per lane
     * @param etaIn    step size per lane
     * @param n        number of lanes (≤ capacity)
     */
    public void run(boolean nesterov, double beta, double phi, double tol, int maxSteps, double[] pIn, double[] qIn,
                    double[] etaIn, int n, LaneResults out) {
        if (n > capacity()) {
            throw new IllegalArgumentException("more lanes than capacity: " + n);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1), got " + beta);
        }
        this.nesterov = nesterov;
        this.beta = beta;
        int live = admit(phi, tol, pIn, qIn, etaIn, n, out);
        live = advance(phi, tol, maxSteps, live, out);
        classifyTails(phi, tol, maxSteps, live, out);
    }

    /** Finishes the lanes that start converged and copies the others into the live arrays; returns their number. */
    private int admit(double phi, double tol, double[] pIn, double[] qIn, double[] etaIn, int n, LaneResults out) {
        int live = 0;
        for (int i = 0; i < n; i++) {
            double e = 0.25 * (pIn[i] * pIn[i] - qIn[i] * qIn[i]) - phi;
            if (Math.abs(e) <= tol) {
                out.set(i, CellClass.CONVERGED, 0, 0, pIn[i], qIn[i], Double.NaN);
            } else {
                p[live] = pIn[i];
                q[live] = qIn[i];
                pm[live] = pIn[i];
                qm[live] = qIn[i];
                eta[live] = etaIn[i];
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

    /** One block of kb steps of every live lane, then the event check; returns the number of lanes still live. */
    private int block(double phi, double tol, double tolUp, int k, int kb, int live, LaneResults out) {
        System.arraycopy(p, 0, p0, 0, live);
        System.arraycopy(q, 0, q0, 0, live);
        System.arraycopy(pm, 0, pm0, 0, live);
        System.arraycopy(qm, 0, qm0, 0, live);
        Arrays.fill(events, 0, live, 0.0);
        Arrays.fill(norms, 0, live, 0.0);
        steps(0, live, kb, phi, tolUp);
        events(p, q, events, norms, 0, live, phi, tolUp);
        int first = 0;
        while (first < live && events[first] == 0.0 && norms[first] < NORM_SUM_LIMIT) {
            first++;
        }
        int kept = first;
        for (int i = first; i < live; i++) {
            boolean suspect = !(events[i] == 0.0) || !(norms[i] < NORM_SUM_LIMIT);
            if (suspect && replay(i, phi, tol, k, kb, out)) {
                continue;
            }
            p[kept] = p[i];
            q[kept] = q[i];
            pm[kept] = pm[i];
            qm[kept] = qm[i];
            eta[kept] = eta[i];
            lane[kept] = lane[i];
            kept++;
        }
        return kept;
    }

    /**
     * kb steps of lanes from..to−1 of the kernel's method, adding the state before each step to the event and norm
     * sums. Each step writes the new state over the previous one and swaps the roles of the arrays; after an odd
     * number of steps the fields are swapped, so that {@code p, q} hold the current state and {@code pm, qm} the
     * previous one again.
     *
     * <p>A step is several passes over the lanes, each a loop small enough for C2 to unroll and vectorize (HotSpot 17
     * leaves a loop body above its unroll limit scalar, and the fused step with a per-lane β is above it): heavy ball
     * takes the events with β·(p − p⁻) in one pass and the update in a second; Nesterov takes the events with p_y in
     * one pass and q_y with the update in a second. The operations, and so the results, are those of the fused step.
     */
    private void steps(int from, int to, int kb, double phi, double tolUp) {
        if (nesterov) {
            nesterovSteps(from, to, kb, phi, tolUp);
        } else {
            heavyBallSteps(from, to, kb, phi, tolUp);
        }
        if (kb % 2 == 1) {
            double[] t = p;
            p = pm;
            pm = t;
            t = q;
            q = qm;
            qm = t;
        }
    }

    /**
     * kb heavy-ball steps (a method of its own, like {@link #nesterovSteps}, so that C2 compiles each method's passes
     * apart: inlined together into one method, the loops of one of them were left scalar).
     */
    private void heavyBallSteps(int from, int to, int kb, double phi, double tolUp) {
        double[] pa = p;
        double[] qa = q;
        double[] pb = pm;
        double[] qb = qm;
        for (int s = 0; s < kb; s++) {
            heavyBallEventsAndMomentum(pa, qa, pb, beta, events, norms, from, to, phi, tolUp);
            heavyBallUpdate(pa, qa, pb, qb, eta, beta, from, to, phi);
            double[] t = pa;
            pa = pb;
            pb = t;
            t = qa;
            qa = qb;
            qb = t;
        }
    }

    /** kb Nesterov steps. */
    private void nesterovSteps(int from, int to, int kb, double phi, double tolUp) {
        double[] pa = p;
        double[] qa = q;
        double[] pb = pm;
        double[] qb = qm;
        for (int s = 0; s < kb; s++) {
            nesterovEventsAndP(pa, qa, pb, beta, events, norms, from, to, phi, tolUp);
            nesterovUpdate(qa, pb, qb, eta, beta, from, to, phi);
            double[] t = pa;
            pa = pb;
            pb = t;
            t = qa;
            qa = qb;
            qb = t;
        }
    }

    /**
     * Heavy ball, first pass: adds c + |c| and p² + q² of the current state to the sums, and writes the momentum term
     * β·(p − p⁻) over p⁻.
     */
    private static void heavyBallEventsAndMomentum(double[] pa, double[] qa, double[] pma, double b, double[] ev,
                                                   double[] nv, int from, int to, double phi, double tolUp) {
        for (int i = from; i < to; i++) {
            double pi = pa[i];
            double pp = pi * pi;
            double qq = qa[i] * qa[i];
            pma[i] = b * (pi - pma[i]);
            double c = tolUp - Math.abs(0.25 * (pp - qq) - phi);
            ev[i] += c + Math.abs(c);
            nv[i] += pp + qq;
        }
    }

    /**
     * Heavy ball, second pass: h = η·ε, p⁺ = (1 − h)·p + [β·(p − p⁻)] (the term of the first pass, read from
     * {@code dpa}) and q⁺ = (1 + h)·q + β·(q − q⁻), written over the term and q⁻: the operations of the fused step.
     */
    private static void heavyBallUpdate(double[] pa, double[] qa, double[] dpa, double[] qma, double[] ea, double b,
                                        int from, int to, double phi) {
        for (int i = from; i < to; i++) {
            double pi = pa[i];
            double qi = qa[i];
            double h = ea[i] * (0.25 * (pi * pi - qi * qi) - phi);
            dpa[i] = (1.0 - h) * pi + dpa[i];
            qma[i] = (1.0 + h) * qi + b * (qi - qma[i]);
        }
    }

    /**
     * Nesterov, first pass: adds c + |c| and p² + q² of the current state to the sums, and writes
     * p_y = p + β·(p − p⁻) over p⁻.
     */
    private static void nesterovEventsAndP(double[] pa, double[] qa, double[] pma, double b, double[] ev,
                                           double[] nv, int from, int to, double phi, double tolUp) {
        for (int i = from; i < to; i++) {
            double pi = pa[i];
            double pp = pi * pi;
            double qq = qa[i] * qa[i];
            pma[i] = pi + b * (pi - pma[i]);
            double c = tolUp - Math.abs(0.25 * (pp - qq) - phi);
            ev[i] += c + Math.abs(c);
            nv[i] += pp + qq;
        }
    }

    /**
     * Nesterov, second pass: q_y = q + β·(q − q⁻), h = η·(0.25·(p_y² − q_y²) − Φ), and p⁺ = (1 − h)·p_y,
     * q⁺ = (1 + h)·q_y written over p_y and q⁻.
     */
    private static void nesterovUpdate(double[] qa, double[] ya, double[] qma, double[] ea, double b, int from, int to,
                                       double phi) {
        for (int i = from; i < to; i++) {
            double qi = qa[i];
            double py = ya[i];
            double qy = qi + b * (qi - qma[i]);
            double h = ea[i] * (0.25 * (py * py - qy * qy) - phi);
            ya[i] = (1.0 - h) * py;
            qma[i] = (1.0 + h) * qy;
        }
    }

    /** Adds c + |c| and p² + q² of the current state of lanes from..to−1 to the event and norm sums, vectorized. */
    private static void events(double[] pa, double[] qa, double[] ev, double[] nv, int from, int to, double phi,
                               double tolUp) {
        for (int i = from; i < to; i++) {
            double pp = pa[i] * pa[i];
            double qq = qa[i] * qa[i];
            double c = tolUp - Math.abs(0.25 * (pp - qq) - phi);
            ev[i] += c + Math.abs(c);
            nv[i] += pp + qq;
        }
    }

    /**
     * One step of the scalar reference (the operations of {@link ReducedMomentum}) from (p, q, p⁻, q⁻) with step η
     * and momentum β, into {@code out} = {p⁺, q⁺}.
     */
    private void reference(double pi, double qi, double pmi, double qmi, double e, double h0, double bi, double phi,
                           double[] out) {
        if (nesterov) {
            double py = pi + bi * (pi - pmi);
            double qy = qi + bi * (qi - qmi);
            double h = h0 * (0.25 * (py * py - qy * qy) - phi);
            out[0] = (1.0 - h) * py;
            out[1] = (1.0 + h) * qy;
        } else {
            double h = h0 * e;
            out[0] = (1.0 - h) * pi + bi * (pi - pmi);
            out[1] = (1.0 + h) * qi + bi * (qi - qmi);
        }
    }

    /**
     * Replays lane i's block from its start with the scalar reference step.
     *
     * @return true when the lane finished within the block (results written)
     */
    private boolean replay(int i, double phi, double tol, int k, int kb, LaneResults out) {
        double pi = p0[i];
        double qi = q0[i];
        double pmi = pm0[i];
        double qmi = qm0[i];
        double h0 = eta[i];
        double bi = beta;
        double e = 0.25 * (pi * pi - qi * qi) - phi;
        if (Math.abs(e) <= tol) {
            out.set(lane[i], CellClass.CONVERGED, k, 0, pi, qi, Double.NaN);
            return true;
        }
        for (int j = 1; j <= kb; j++) {
            reference(pi, qi, pmi, qmi, e, h0, bi, phi, next);
            double np = next[0];
            double nq = next[1];
            if (!(0.5 * (np * np + nq * nq) <= Stepper.DIVERGENCE_NORM)) {
                out.set(lane[i], CellClass.DIVERGED, k + j, 0, pi, qi, Double.NaN);
                return true;
            }
            pmi = pi;
            qmi = qi;
            pi = np;
            qi = nq;
            e = 0.25 * (np * np - nq * nq) - phi;
            if (Math.abs(e) <= tol) {
                out.set(lane[i], CellClass.CONVERGED, k + j, 0, pi, qi, Double.NaN);
                return true;
            }
        }
        p[i] = pi;
        q[i] = qi;
        pm[i] = pmi;
        qm[i] = qmi;
        return false;
    }

    /** Classifies the lanes still bounded at the budget, as {@link LaneKernel} does (vectorized samples, exact fallback). */
    private void classifyTails(double phi, double tol, int maxSteps, int live, LaneResults out) {
        if (live == 0) {
            return;
        }
        System.arraycopy(p, 0, p0, 0, live);
        System.arraycopy(q, 0, q0, 0, live);
        System.arraycopy(pm, 0, pm0, 0, live);
        System.arraycopy(qm, 0, qm0, 0, live);
        Arrays.fill(events, 0, live, 0.0);
        Arrays.fill(norms, 0, live, 0.0);
        double tolUp = Math.nextUp(tol);
        for (int from = 0; from < live; from += TAIL_CHUNK) {
            int to = Math.min(live, from + TAIL_CHUNK);
            for (int j = 0; j < Periodicity.SAMPLES; j++) {
                record(j * TAIL_CHUNK - from, from, to);
                steps(from, to, 1, phi, tolUp);
            }
            for (int i = from; i < to; i++) {
                if (tailIsQuiet(i, phi, tolUp)) {
                    for (int j = 0; j < Periodicity.SAMPLES; j++) {
                        tailM[j] = sampleM[j * TAIL_CHUNK + i - from];
                        tailL[j] = sampleL[j * TAIL_CHUNK + i - from];
                    }
                    int per = Periodicity.period(tailM, tailL, phi);
                    out.set(lane[i], Periodicity.classOf(per), maxSteps, per, p0[i], q0[i], Double.NaN);
                } else {
                    classifyTail(i, phi, tol, maxSteps, out);
                }
            }
        }
    }

    /** Records m and λ of lanes from..to−1 at offset + lane. */
    private void record(int offset, int from, int to) {
        for (int i = from; i < to; i++) {
            double pp = p[i] * p[i];
            double qq = q[i] * q[i];
            sampleM[offset + i] = 0.25 * (pp - qq);
            sampleL[offset + i] = 0.5 * (pp + qq);
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
     * Classifies lane i from its state at the budget with the scalar reference step over the
     * {@link Periodicity#SAMPLES} further iterates, by the rule of {@link LaneKernel}: slow (period 1) if |ε| meets tol
     * among them; diverged, with that step, if the norm passes the bound among them; else by {@link Periodicity#period}.
     */
    private void classifyTail(int i, double phi, double tol, int maxSteps, LaneResults out) {
        double pi = p0[i];
        double qi = q0[i];
        double pmi = pm0[i];
        double qmi = qm0[i];
        for (int j = 0; j < Periodicity.SAMPLES; j++) {
            double pp = pi * pi;
            double qq = qi * qi;
            double e = 0.25 * (pp - qq) - phi;
            if (Math.abs(e) <= tol) {
                out.set(lane[i], CellClass.SLOW, maxSteps, 1, p0[i], q0[i], Double.NaN);
                return;
            }
            tailM[j] = 0.25 * (pp - qq);
            tailL[j] = 0.5 * (pp + qq);
            reference(pi, qi, pmi, qmi, e, eta[i], beta, phi, next);
            if (!(0.5 * (next[0] * next[0] + next[1] * next[1]) <= Stepper.DIVERGENCE_NORM)) {
                out.set(lane[i], CellClass.DIVERGED, maxSteps + j + 1, 0, pi, qi, Double.NaN);
                return;
            }
            pmi = pi;
            qmi = qi;
            pi = next[0];
            qi = next[1];
        }
        int per = Periodicity.period(tailM, tailL, phi);
        out.set(lane[i], Periodicity.classOf(per), maxSteps, per, p0[i], q0[i], Double.NaN);
    }
}
