package eoslab.dynamics.shallow;

import eoslab.method.GradientDescent;
import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * GD on the actual vectors: a⁺ = a − ηεb, b⁺ = b − ηεa. The invariants come from U = Σ(aᵢ + bᵢ)² and V = Σ(aᵢ − bᵢ)²,
 * accumulated in the same single pass over memory that updates the vectors (m = (U − V)/4, λ = (U + V)/2, Q = √(UV):
 * two reductions instead of four, with the same accuracy for m and λ and full relative accuracy for Q). Used to check
 * {@link ReducedGd} and as the basis of models without a reduction. The sums are taken per chunk of {@link #CHUNK}
 * elements and added in chunk order, so that vectors of many chunks can be stepped by several cores
 * ({@link ChunkPool}) with bit-identical results. Owns its arrays; allocates nothing per step.
 */
public final class VectorGd extends SumsEngine {
    /**
     * Elements per block. Each block is updated by a loop without reductions (which the JIT turns into SIMD code), then
     * re-read from L1 cache for the sums of U and V: one pass over memory, and only the reductions run scalar.
     */
    private static final int BLOCK = 512;
    /** Elements per chunk: the unit of work, and of the sums of U and V, that may go to another core. */
    static final int CHUNK = 1 << 16;
    /** Steps with at least this many chunks are shared with {@link ChunkPool}'s helper threads. */
    static final int PARALLEL_CHUNKS = 4;

    private final double eta;
    private final double[] a;
    private final double[] b;
    private final boolean shared;
    private final double[] partU;
    private final double[] partV;

    private VectorGd(ShallowModel model, Method method, VectorPoint initial, boolean shared) {
        super(model, method, initial);
        this.eta = constantGdStep(method);
        this.shared = shared;
        this.a = initial.a();
        this.b = initial.b();
        int chunks = (a.length + CHUNK - 1) / CHUNK;
        this.partU = new double[chunks];
        this.partV = new double[chunks];
        this.u = initial.sumSquared();
        this.v = initial.differenceSquared();
    }

    /** Gradient descent with a constant step on the given model from the given vectors (copied). */
    public static VectorGd from(ShallowModel model, Method method, VectorPoint initial) {
        return new VectorGd(model, method, initial, true);
    }

    /** Gradient descent with constant step η on target Φ from the given vectors (copied). */
    public static VectorGd from(double phi, double eta, VectorPoint initial) {
        return from(ShallowModel.of(phi, initial.width()), GradientDescent.constant(eta), initial);
    }

    /** The same on the calling thread alone (for checking that sharing the work changes no bit). */
    static VectorGd singleThreaded(double phi, double eta, VectorPoint initial) {
        return new VectorGd(ShallowModel.of(phi, initial.width()), GradientDescent.constant(eta), initial, false);
    }

    @Override
    public boolean step() {
        double m = product();
        double h = eta * (m - phi);
        double predicted = (1.0 + h * h) * norm() - 4.0 * h * m;
        if (!(predicted <= DIVERGENCE_NORM)) {
            return false;
        }
        if (shared && partU.length >= PARALLEL_CHUNKS) {
            ChunkPool.get().run(this, h);
        } else {
            chunks(h, 0, 1);
        }
        double su = 0;
        double sv = 0;
        for (int c = 0; c < partU.length; c++) {
            su += partU[c];
            sv += partV[c];
        }
        u = su;
        v = sv;
        return true;
    }

    /**
     * Updates the chunks c ≡ first (mod stride) with step factor h = ηε and stores each chunk's U and V sums: one pass
     * over the chunk's memory, in blocks whose update loop has no reductions (SIMD) and whose sums are then taken while
     * the block is in L1 cache. A chunk's sums depend on its data alone, so the step's result is the same whichever
     * thread computes which chunk.
     */
    void chunks(double h, int first, int stride) {
        final double[] x = a;
        final double[] y = b;
        final int n = x.length;
        for (int c = first; c < partU.length; c += stride) {
            final int end = Math.min(n, (c + 1) * CHUNK);
            double su0 = 0;
            double su1 = 0;
            double su2 = 0;
            double su3 = 0;
            double sv0 = 0;
            double sv1 = 0;
            double sv2 = 0;
            double sv3 = 0;
            for (int lo = c * CHUNK; lo < end; lo += BLOCK) {
                final int hi = Math.min(end, lo + BLOCK);
                for (int i = lo; i < hi; i++) {
                    double ai = x[i];
                    double bi = y[i];
                    x[i] = ai - h * bi;
                    y[i] = bi - h * ai;
                }
                int i = lo;
                for (; i + 3 < hi; i += 4) {
                    double s0 = x[i] + y[i];
                    double r0 = x[i] - y[i];
                    double s1 = x[i + 1] + y[i + 1];
                    double r1 = x[i + 1] - y[i + 1];
                    double s2 = x[i + 2] + y[i + 2];
                    double r2 = x[i + 2] - y[i + 2];
                    double s3 = x[i + 3] + y[i + 3];
                    double r3 = x[i + 3] - y[i + 3];
                    su0 = Math.fma(s0, s0, su0);
                    sv0 = Math.fma(r0, r0, sv0);
                    su1 = Math.fma(s1, s1, su1);
                    sv1 = Math.fma(r1, r1, sv1);
                    su2 = Math.fma(s2, s2, su2);
                    sv2 = Math.fma(r2, r2, sv2);
                    su3 = Math.fma(s3, s3, su3);
                    sv3 = Math.fma(r3, r3, sv3);
                }
                for (; i < hi; i++) {
                    double s = x[i] + y[i];
                    double r = x[i] - y[i];
                    su0 = Math.fma(s, s, su0);
                    sv0 = Math.fma(r, r, sv0);
                }
            }
            partU[c] = (su0 + su1) + (su2 + su3);
            partV[c] = (sv0 + sv1) + (sv2 + sv3);
        }
    }

    @Override
    public VectorPoint point() {
        return VectorPoint.of(a, b);
    }
}
