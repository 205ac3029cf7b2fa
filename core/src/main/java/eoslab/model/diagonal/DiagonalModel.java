package eoslab.model.diagonal;

import eoslab.model.Layout;
import eoslab.model.Model;
import eoslab.model.linear.Moments;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The diagonal linear network f(x) = ⟨u⊙u − v⊙v, x⟩ (family {@code diagonal}, models.md §4) on a regression data set
 * (X ∈ ℝ^{n×p}, y ∈ ℝⁿ): L = (1/2n) Σᵢ (f(xᵢ) − yᵢ)² = ½ βᵀΣβ − cᵀβ + ½ yy with β = u⊙u − v⊙v, Σ = XᵀX/n,
 * c = Xᵀy/n, evaluated in the square-root form of {@link Moments} (L = ½‖Rβ − z‖² + L₀, so that the loss of an
 * interpolating run is resolved far below ε·yy). θ = (u, v), blocks {@code u} and {@code v} (p × 1 each).
 *
 * <p>With g = Σβ − c: ∇_u L = 2 g⊙u, ∇_v L = −2 g⊙v. Hessian-vector product along (δu, δv): β̇ = 2(u⊙δu − v⊙δv),
 * ġ = Σβ̇, (Hv)_u = 2 ġ⊙u + 2 g⊙δu, (Hv)_v = −2 ġ⊙v − 2 g⊙δv. Gradient flow conserves u⊙v elementwise
 * (d(u_i v_i)/dt = −2g_i u_i v_i + 2g_i u_i v_i = 0); {@link #imbalance} is Σ|u_i v_i|. L* is the least-squares loss
 * (every β ∈ ℝᵖ is some u⊙u − v⊙v), with a singular Σ handled as in {@link Moments}.
 *
 * <p>Not thread-safe: use {@link #copy()} per thread. The instance remembers the last θ it evaluated (by content) and
 * reuses β and g at it. No method allocates.
 */
public final class DiagonalModel implements Model {
    private final Moments moments;
    private final int p;
    private final Layout layout;
    private final boolean identity;
    /** k × p (null for a target vector). */
    private final DMatrixRMaj r;
    /** k × 1. */
    private final DMatrixRMaj z;
    private final double residual;

    private final DMatrixRMaj beta;
    private final DMatrixRMaj e;
    private final DMatrixRMaj g;
    private final DMatrixRMaj betaDot;
    private final DMatrixRMaj eDot;
    private final DMatrixRMaj gDot;
    private final double[] stateTheta;
    /** 0: nothing; 1: θ loaded; 2: β, g and the loss. */
    private int state;
    private double stateLoss;

    private DiagonalModel(Moments moments) {
        if (moments.outputs() != 1) {
            throw new IllegalArgumentException("a diagonal network has one output, the data have " + moments.outputs());
        }
        this.moments = moments;
        this.p = moments.inputs();
        this.layout = Layout.of("u", p, 1, "v", p, 1);
        this.identity = moments.isTarget();
        double[][] zr = moments.projectedTarget();
        int k = zr[0].length;
        this.z = new DMatrixRMaj(k, 1, true, zr[0]);
        this.r = identity ? null : new DMatrixRMaj(moments.factor());
        this.residual = moments.leastSquaresLoss();
        this.beta = new DMatrixRMaj(p, 1);
        this.e = new DMatrixRMaj(k, 1);
        this.g = identity ? e : new DMatrixRMaj(p, 1);
        this.betaDot = new DMatrixRMaj(p, 1);
        this.eDot = new DMatrixRMaj(k, 1);
        this.gDot = identity ? betaDot : new DMatrixRMaj(p, 1);
        this.stateTheta = new double[2 * p];
    }

    /**
     * The network on a data set.
     *
     * @param x inputs, n rows of p entries
     * @param y outputs, n entries
     */
    public static DiagonalModel fromData(double[][] x, double[] y) {
        return new DiagonalModel(Moments.fromSamples(x, y));
    }

    /**
     * The network on given second moments.
     *
     * @param sigma Σ = XᵀX/n (p × p)
     * @param c     c = Xᵀy/n (p)
     * @param yy    (1/n) Σᵢ yᵢ²
     */
    public static DiagonalModel fromMoments(double[][] sigma, double[] c, double yy) {
        return new DiagonalModel(Moments.fromMoments(sigma, new double[][] {c.clone()}, yy));
    }

    /** The network on any {@link Moments} with one output. */
    public static DiagonalModel of(Moments moments) {
        return new DiagonalModel(moments);
    }

    /**
     * The generated sparse regression problem of {@link SparseData#generate}: X Gaussian n × p, β* = (1, −1, 1, …) on
     * the first s coordinates, y = Xβ* + noise·N(0, 1).
     */
    public static DiagonalModel sparse(int n, int p, int s, double noise, long seed) {
        SparseData data = SparseData.generate(n, p, s, noise, seed);
        return fromData(data.x(), data.y());
    }

    @Override
    public String family() {
        return "diagonal";
    }

    @Override
    public int dimension() {
        return 2 * p;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    /** p. */
    public int inputs() {
        return p;
    }

    /** The loss's data. */
    public Moments moments() {
        return moments;
    }

    @Override
    public double loss(double[] theta) {
        load(theta);
        forward();
        return stateLoss;
    }

    @Override
    public double gradient(double[] theta, double[] grad) {
        check(grad, "grad");
        load(theta);
        forward();
        double[] gd = g.data;
        for (int i = 0; i < p; i++) {
            grad[i] = 2 * gd[i] * theta[i];
            grad[p + i] = -2 * gd[i] * theta[p + i];
        }
        return stateLoss;
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] hv) {
        check(v, "v");
        check(hv, "hv");
        load(theta);
        forward();
        double[] bd = betaDot.data;
        for (int i = 0; i < p; i++) {
            bd[i] = 2 * (theta[i] * v[i] - theta[p + i] * v[p + i]);
        }
        if (!identity) {
            CommonOps_DDRM.mult(r, betaDot, eDot);
            CommonOps_DDRM.multTransA(r, eDot, gDot);
        }
        double[] gd = g.data;
        double[] gdd = gDot.data;
        for (int i = 0; i < p; i++) {
            hv[i] = 2 * (gdd[i] * theta[i] + gd[i] * v[i]);
            hv[p + i] = -2 * (gdd[i] * theta[p + i] + gd[i] * v[p + i]);
        }
    }

    @Override
    public double minimumLoss() {
        return residual;
    }

    /** Writes β = u⊙u − v⊙v (the regression vector, length p) into {@code out}. */
    public void beta(double[] theta, double[] out) {
        check(theta, "theta");
        if (out.length != p) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected " + p);
        }
        for (int i = 0; i < p; i++) {
            out[i] = theta[i] * theta[i] - theta[p + i] * theta[p + i];
        }
    }

    /** p: the products u_i v_i. */
    @Override
    public int conservedDimension() {
        return p;
    }

    /** Writes u⊙v into {@code out}. */
    @Override
    public void conserved(double[] theta, double[] out) {
        check(theta, "theta");
        if (out.length != p) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected " + p);
        }
        for (int i = 0; i < p; i++) {
            out[i] = theta[i] * theta[p + i];
        }
    }

    /** Σ|u_i v_i|. */
    @Override
    public double imbalance(double[] theta) {
        check(theta, "theta");
        double s = 0;
        for (int i = 0; i < p; i++) {
            s += Math.abs(theta[i] * theta[p + i]);
        }
        return s;
    }

    @Override
    public Model copy() {
        return new DiagonalModel(moments);
    }

    private void check(double[] x, String name) {
        if (x.length != 2 * p) {
            throw new IllegalArgumentException(name + " has length " + x.length + ", expected " + 2 * p);
        }
    }

    private void load(double[] theta) {
        check(theta, "theta");
        if (state > 0 && Arrays.equals(theta, stateTheta)) {
            return;
        }
        System.arraycopy(theta, 0, stateTheta, 0, 2 * p);
        state = 1;
    }

    private void forward() {
        if (state >= 2) {
            return;
        }
        double[] t = stateTheta;
        double[] bd = beta.data;
        for (int i = 0; i < p; i++) {
            bd[i] = t[i] * t[i] - t[p + i] * t[p + i];
        }
        if (identity) {
            System.arraycopy(bd, 0, e.data, 0, p);
        } else {
            CommonOps_DDRM.mult(r, beta, e);
        }
        double s = 0;
        double[] ed = e.data;
        double[] zd = z.data;
        for (int i = 0; i < ed.length && i < zd.length; i++) {
            double d = ed[i] - zd[i];
            ed[i] = d;
            s += d * d;
        }
        if (!identity) {
            CommonOps_DDRM.multTransA(r, e, g);
        }
        stateLoss = 0.5 * s + residual;
        state = 2;
    }
}
