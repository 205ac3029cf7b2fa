package eoslab.model.linear;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The data of a least-squares loss in a linear map W ∈ ℝ^{q×p}, reduced to second moments so that its cost does not
 * grow with the number of samples:
 *
 * <pre>
 *   L(W) = ½ tr(W Σ Wᵀ) − tr(C Wᵀ) + ½ yy,    for samples: Σ = XᵀX/n (p×p), C = YᵀX/n (q×p), yy = (1/n) Σᵢ ‖yᵢ‖²,
 * </pre>
 *
 * so that L(W) = (1/2n) Σᵢ ‖W xᵢ − yᵢ‖², and L(W) = ½‖W − Φ‖²_F for a target matrix Φ (Σ = I, C = Φ, yy = ‖Φ‖²_F).
 *
 * <p><b>Square-root form.</b> The loss is stored and evaluated as
 *
 * <pre>
 *   L(W) = ½ ‖W Rᵀ − Z‖²_F + L₀,     Σ = RᵀR,  C = Z R,  L₀ = ½ yy − ½ ‖Z‖²_F = min over all W of L,
 * </pre>
 *
 * with R ∈ ℝ^{k×p} of full row rank k = rank Σ and Z ∈ ℝ^{q×k}: expanding the square gives back the moment form.
 * Its point is accuracy near a minimum: the residual W Rᵀ − Z is formed before it is squared, so L − L₀ is computed to
 * relative precision even when it is far below ε·yy (the moment form cannot resolve the loss below about 10⁻¹⁶·yy: an
 * interpolating diagonal network's loss would stall there instead of reaching 10⁻³⁰). It costs 2qpk operations per
 * gradient instead of qp² (at most twice as much, and less when n &lt; p). For a target matrix R = I is not stored
 * and the loss is ½‖W − Φ‖²_F exactly.
 *
 * <ul>
 *   <li>From samples: the compact SVD X/√n = U S Vᵀ gives R = S₊V₊ᵀ, Z = YᵀU₊/√n and L₀ = (1/2n)‖Y − U₊U₊ᵀY‖²_F,
 *       computed from the residual itself (so L₀ = 0 to about 10⁻³² for data that some W fits exactly). Singular values
 *       s ≤ max(n, p)·ε·s_max count as zero (the usual numerical rank), and their directions are dropped.</li>
 *   <li>From moments: the eigen-decomposition Σ = U diag(μ) Uᵀ gives R = diag(√μ₊)U₊ᵀ and Z = C U₊ diag(μ₊^{−1/2}),
 *       with eigenvalues μ ≤ 16·p·ε·μ_max counting as zero; L₀ = ½yy − ½‖Z‖²_F is then a difference (accurate to
 *       about ε·yy). C must lie in the range of Σ (it does for moments of a data set), else the loss is unbounded
 *       below: a component outside it larger than 10⁻⁸·√(yy·μ_max) is an error, a smaller one is dropped.</li>
 * </ul>
 *
 * <p>Immutable; accessors return copies.
 */
public final class Moments {
    private final int p;
    private final int q;
    private final boolean identity;
    /** k × p, null for a target matrix (R = I). */
    private final DMatrixRMaj r;
    /** q × k. */
    private final DMatrixRMaj z;
    private final double residual;
    private final double yy;
    private final DMatrixRMaj sigma;
    private final DMatrixRMaj cross;
    /** Singular values of Z, descending. */
    private final double[] zSingular;

    private Moments(boolean identity, DMatrixRMaj r, DMatrixRMaj z, double residual, double yy, DMatrixRMaj sigma,
            DMatrixRMaj cross) {
        this.identity = identity;
        this.r = r;
        this.z = z;
        this.residual = residual;
        this.yy = yy;
        this.sigma = sigma;
        this.cross = cross;
        this.p = sigma.numRows;
        this.q = cross.numRows;
        this.zSingular = Dense.singularValues(z);
    }

    /**
     * The moments of a data set with vector outputs.
     *
     * @param x inputs, n rows of p entries
     * @param y outputs, n rows of q entries
     */
    public static Moments fromSamples(double[][] x, double[][] y) {
        if (x == null || x.length == 0 || x[0] == null || y == null || y.length == 0 || y[0] == null) {
            throw new IllegalArgumentException("empty data set");
        }
        int n = x.length;
        int p = x[0].length;
        int q = y[0].length;
        if (y.length != n) {
            throw new IllegalArgumentException(n + " inputs but " + y.length + " outputs");
        }
        if (p < 1 || q < 1) {
            throw new IllegalArgumentException("inputs and outputs need at least one entry each");
        }
        DMatrixRMaj xm = Dense.matrix("x", x, p);
        DMatrixRMaj ym = Dense.matrix("y", y, q);
        DMatrixRMaj sigma = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(1.0 / n, xm, xm, sigma);
        DMatrixRMaj cross = new DMatrixRMaj(q, p);
        CommonOps_DDRM.multTransA(1.0 / n, ym, xm, cross);
        double yy = Dense.normSquared(ym) / n;

        DMatrixRMaj xs = xm.copy();
        CommonOps_DDRM.scale(1.0 / Math.sqrt(n), xs);
        double[] s = new double[Math.min(n, p)];
        DMatrixRMaj[] uv = Dense.svd(xs, s);
        double tol = Math.max(n, p) * Math.ulp(1.0) * s[0];
        int k = 0;
        while (k < s.length && s[k] > tol) {
            k++;
        }
        if (k == 0) {
            throw new IllegalArgumentException("the inputs are all zero: the loss does not depend on the model");
        }
        DMatrixRMaj u = Dense.columns(uv[0], 0, k);
        DMatrixRMaj v = Dense.columns(uv[1], 0, k);
        DMatrixRMaj r = new DMatrixRMaj(k, p);
        CommonOps_DDRM.transpose(v, r);
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < p; c++) {
                r.unsafe_set(j, c, r.unsafe_get(j, c) * s[j]);
            }
        }
        DMatrixRMaj z = new DMatrixRMaj(q, k);
        CommonOps_DDRM.multTransA(1.0 / Math.sqrt(n), ym, u, z);
        // L0 from the residual Y − U Uᵀ Y itself, not as a difference of sums of squares.
        DMatrixRMaj uty = new DMatrixRMaj(k, q);
        CommonOps_DDRM.multTransA(u, ym, uty);
        DMatrixRMaj res = ym.copy();
        CommonOps_DDRM.multAdd(-1.0, u, uty, res);
        double residual = Dense.normSquared(res) / (2.0 * n);
        return new Moments(false, r, z, residual, yy, sigma, cross);
    }

    /** The moments of a data set with scalar outputs (q = 1). */
    public static Moments fromSamples(double[][] x, double[] y) {
        if (y == null) {
            throw new IllegalArgumentException("no outputs");
        }
        double[][] col = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            col[i] = new double[] {y[i]};
        }
        return fromSamples(x, col);
    }

    /**
     * Given second moments (see the class comment for how they are reduced and what is checked).
     *
     * @param sigma Σ, p × p, symmetric positive semi-definite (symmetrized as (Σ + Σᵀ)/2)
     * @param c     C, q × p, in the range of Σ
     * @param yy    the mean squared output norm (1/n) Σᵢ ‖yᵢ‖²
     */
    public static Moments fromMoments(double[][] sigma, double[][] c, double yy) {
        if (sigma == null || sigma.length == 0) {
            throw new IllegalArgumentException("empty Σ");
        }
        int p = sigma.length;
        DMatrixRMaj s = Dense.matrix("sigma", sigma, p);
        if (c == null || c.length == 0) {
            throw new IllegalArgumentException("empty C");
        }
        DMatrixRMaj cm = Dense.matrix("c", c, p);
        int q = cm.numRows;
        if (!Double.isFinite(yy)) {
            throw new IllegalArgumentException("yy is not finite");
        }
        DMatrixRMaj sym = new DMatrixRMaj(p, p);
        CommonOps_DDRM.transpose(s, sym);
        CommonOps_DDRM.addEquals(sym, s);
        CommonOps_DDRM.scale(0.5, sym);
        double asym = 0;
        for (int i = 0; i < p * p; i++) {
            asym = Math.max(asym, Math.abs(sym.data[i] - s.data[i]));
        }
        if (asym > 1e-10 * CommonOps_DDRM.elementMaxAbs(s)) {
            throw new IllegalArgumentException("Σ is not symmetric");
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(p, true, true);
        if (!eig.decompose(sym.copy())) {
            throw new IllegalStateException("eigen-decomposition of Σ did not converge");
        }
        double[] mu = new double[p];
        DMatrixRMaj[] vec = new DMatrixRMaj[p];
        Integer[] order = new Integer[p];
        for (int j = 0; j < p; j++) {
            mu[j] = eig.getEigenvalue(j).real;
            vec[j] = eig.getEigenVector(j);
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(mu[b], mu[a]));
        double muMax = Math.max(mu[order[0]], 0);
        double tol = 16.0 * p * Math.ulp(1.0) * muMax;
        if (mu[order[p - 1]] < -tol) {
            throw new IllegalArgumentException("Σ is not positive semi-definite (eigenvalue " + mu[order[p - 1]] + ")");
        }
        int k = 0;
        while (k < p && mu[order[k]] > tol) {
            k++;
        }
        if (k == 0) {
            throw new IllegalArgumentException("Σ = 0: the loss does not depend on the model");
        }
        DMatrixRMaj r = new DMatrixRMaj(k, p);
        DMatrixRMaj u = new DMatrixRMaj(p, k);
        for (int j = 0; j < k; j++) {
            double sq = Math.sqrt(mu[order[j]]);
            DMatrixRMaj e = vec[order[j]];
            for (int i = 0; i < p; i++) {
                r.unsafe_set(j, i, sq * e.get(i, 0));
                u.unsafe_set(i, j, e.get(i, 0) / sq);
            }
        }
        DMatrixRMaj z = new DMatrixRMaj(q, k);
        CommonOps_DDRM.mult(cm, u, z);
        // the part of C outside the range of Σ
        DMatrixRMaj out = cm.copy();
        CommonOps_DDRM.multAdd(-1.0, z, r, out);
        double outside = Math.sqrt(Dense.normSquared(out));
        double allowed = 1e-8 * Math.sqrt(Math.max(yy, 0) * muMax);
        if (outside > allowed) {
            throw new IllegalArgumentException("C has a component of norm " + outside
                    + " outside the range of Σ: the loss is unbounded below");
        }
        double residual = 0.5 * yy - 0.5 * Dense.normSquared(z);
        return new Moments(false, r, z, residual, yy, sym, cm);
    }

    /** The target-matrix problem L(W) = ½‖W − Φ‖²_F. */
    public static Moments target(double[][] phi) {
        if (phi == null || phi.length == 0 || phi[0] == null) {
            throw new IllegalArgumentException("empty target");
        }
        int p = phi[0].length;
        if (p < 1) {
            throw new IllegalArgumentException("empty target");
        }
        DMatrixRMaj z = Dense.matrix("phi", phi, p);
        DMatrixRMaj sigma = CommonOps_DDRM.identity(p);
        return new Moments(true, null, z, 0.0, Dense.normSquared(z), sigma, z.copy());
    }

    /** p, the input dimension. */
    public int inputs() {
        return p;
    }

    /** q, the output dimension. */
    public int outputs() {
        return q;
    }

    /** k = rank Σ (numerical; p for a target matrix). */
    public int rank() {
        return identity ? p : r.numRows;
    }

    /** Whether this is a target-matrix problem (Σ = I, and the loss is ½‖W − Φ‖²_F exactly). */
    public boolean isTarget() {
        return identity;
    }

    /** Σ (p × p). */
    public double[][] sigma() {
        return Dense.rows(sigma);
    }

    /** C (q × p); for a target matrix, Φ. */
    public double[][] cross() {
        return Dense.rows(cross);
    }

    /** yy = (1/n) Σᵢ ‖yᵢ‖² (‖Φ‖²_F for a target matrix). */
    public double yy() {
        return yy;
    }

    /** R (k × p) with Σ = RᵀR; the identity for a target matrix. */
    public double[][] factor() {
        return Dense.rows(identity ? CommonOps_DDRM.identity(p) : r);
    }

    /** Z (q × k) with C = Z R. */
    public double[][] projectedTarget() {
        return Dense.rows(z);
    }

    /** L₀, the least-squares loss: the minimum of L over all W ∈ ℝ^{q×p}. */
    public double leastSquaresLoss() {
        return residual;
    }

    /**
     * The minimum of L over the matrices W of rank at most {@code maxRank} (reduced-rank regression):
     * L₀ + ½ Σ_{j > maxRank} σ_j(Z)², where σ_j(Z) are also the singular values of C Σ^{+1/2}.
     */
    public double minimumLoss(int maxRank) {
        if (maxRank < 0) {
            throw new IllegalArgumentException("negative rank");
        }
        double tail = 0;
        for (int j = zSingular.length - 1; j >= maxRank; j--) {
            tail += zSingular[j] * zSingular[j];
        }
        return residual + 0.5 * tail;
    }

    /** The singular values of Z (equivalently of C Σ^{+1/2}), descending. */
    public double[] singularValues() {
        return zSingular.clone();
    }

    DMatrixRMaj r() {
        return r;
    }

    DMatrixRMaj z() {
        return z;
    }
}
