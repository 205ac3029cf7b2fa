package eoslab.dynamics;

import eoslab.model.VectorPoint;

/**
 * GD on the actual vectors: a⁺ = a − ηεb, b⁺ = b − ηεa. The invariants come from U = Σ(aᵢ + bᵢ)² and V = Σ(aᵢ − bᵢ)²,
 * accumulated in the same single pass over memory that updates the vectors (m = (U − V)/4, λ = (U + V)/2, Q = √(UV):
 * two reductions instead of four, with the same accuracy for m and λ and full relative accuracy for Q). Used to check
 * {@link ReducedGd} and as the basis of models without a reduction. Owns its arrays; allocates nothing per step.
 */
public final class VectorGd implements GdStepper {
    /**
     * Elements per block. Each block is updated by a loop without reductions (which the JIT turns into SIMD code), then
     * re-read from L1 cache for the sums of U and V: one pass over memory, and only the reductions run scalar.
     */
    private static final int BLOCK = 512;

    private final double phi;
    private final double eta;
    private final double[] a;
    private final double[] b;
    private double u;
    private double v;

    private VectorGd(double phi, double eta, VectorPoint initial) {
        this.phi = phi;
        this.eta = eta;
        this.a = initial.a();
        this.b = initial.b();
        this.u = initial.sumSquared();
        this.v = initial.differenceSquared();
    }

    /** GD with step η on target Φ from the given vectors (copied). */
    public static VectorGd from(double phi, double eta, VectorPoint initial) {
        return new VectorGd(phi, eta, initial);
    }

    @Override
    public boolean step() {
        double m = product();
        double h = eta * (m - phi);
        double predicted = (1.0 + h * h) * norm() - 4.0 * h * m;
        if (!(predicted <= DIVERGENCE_NORM)) {
            return false;
        }
        final double[] x = a;
        final double[] y = b;
        final int n = x.length;
        double su0 = 0;
        double su1 = 0;
        double su2 = 0;
        double su3 = 0;
        double sv0 = 0;
        double sv1 = 0;
        double sv2 = 0;
        double sv3 = 0;
        for (int lo = 0; lo < n; lo += BLOCK) {
            final int hi = Math.min(n, lo + BLOCK);
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
        u = (su0 + su1) + (su2 + su3);
        v = (sv0 + sv1) + (sv2 + sv3);
        return true;
    }

    @Override
    public VectorPoint point() {
        return VectorPoint.of(a, b);
    }

    @Override
    public double phi() {
        return phi;
    }

    @Override
    public double eta() {
        return eta;
    }

    @Override
    public int width() {
        return a.length;
    }

    @Override
    public double product() {
        return 0.25 * (u - v);
    }

    @Override
    public double norm() {
        return 0.5 * (u + v);
    }

    @Override
    public double imbalance() {
        return Math.sqrt(u * v);
    }

    @Override
    public double residual() {
        return product() - phi;
    }
}
