package eoslab.sharpness;

import eoslab.model.Model;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;

/**
 * The reference eigensolver: assembles the n×n Hessian from n Hessian-vector products (its columns H e_j), symmetrizes
 * it (½(H + Hᵀ), removing rounding asymmetry), and diagonalizes it with Hipparchus' {@link EigenDecompositionSymmetric}
 * (Householder tridiagonalization and implicit QL). Exact up to rounding whatever the spectrum (multiple eigenvalues
 * included), but O(n²) memory and O(n³) time, so it refuses n above {@link #MAX_DIMENSION}.
 *
 * <p>Hipparchus' QL iteration gives up ("convergence failed", 30 sweeps per eigenvalue) on some matrices with large
 * clusters of equal eigenvalues, for instance the shallow model's Hessian with its eigenvalues ±ε of multiplicity
 * d − 1 at width d = 150 and small weights; the estimator then diagonalizes the same symmetrized matrix with EJML's
 * symmetric QR algorithm instead. The residuals are computed the same way whichever solver ran.
 *
 * <p>Stateless; each call allocates its matrix. Thread-safe as far as the model allows (the model instance is used
 * during the call).
 */
public final class DenseSharpness implements SharpnessEstimator {
    /**
     * The largest n accepted: 3000, where the matrix alone is 72 MB (the decomposition holds about three such arrays)
     * and diagonalization takes on the order of a minute.
     */
    public static final int MAX_DIMENSION = 3000;

    private final int k;
    private final boolean wantVectors;

    /**
     * @param k           number of top eigenvalues (≥ 1, ≤ n at each call)
     * @param wantVectors whether to return the eigenvectors
     */
    public DenseSharpness(int k, boolean wantVectors) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
        this.wantVectors = wantVectors;
    }

    /** The top eigenvalue only, no vectors. */
    public DenseSharpness() {
        this(1, false);
    }

    /** The number of eigenvalues computed. */
    public int k() {
        return k;
    }

    @Override
    public Sharpness estimate(Model model, double[] theta) {
        int n = model.dimension();
        if (n > MAX_DIMENSION) {
            throw new IllegalArgumentException("the dense Hessian of " + n + " parameters is above the limit of "
                    + MAX_DIMENSION + " (n² = " + (long) n * n + " entries and O(n³) work); use LanczosSharpness");
        }
        if (k > n) {
            throw new IllegalArgumentException(k + " eigenvalues requested of a model with " + n + " parameters");
        }
        if (theta.length != n) {
            throw new IllegalArgumentException("θ has length " + theta.length + ", the model dimension is " + n);
        }
        HessianOperator op = new HessianOperator(model, theta);
        double[][] h = new double[n][n];
        double[] e = new double[n];
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            op.apply(e, col);
            e[j] = 0;
            for (int i = 0; i < n; i++) {
                h[i][j] = col[i];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        double[] values = new double[k];
        double[][] found = new double[k][];
        try {
            EigenDecompositionSymmetric eig = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h, false),
                    EigenDecompositionSymmetric.DEFAULT_EPSILON, true);
            double[] all = eig.getEigenvalues();
            for (int i = 0; i < k; i++) {
                values[i] = all[i];
                found[i] = eig.getEigenvector(i).toArray();
            }
        } catch (MathIllegalStateException qlFailed) {
            ejmlTop(h, values, found);
        }
        double[] residuals = new double[k];
        double[][] vectors = new double[wantVectors ? k : 0][];
        for (int i = 0; i < k; i++) {
            residuals[i] = residual(op, found[i], values[i], col);
            if (wantVectors) {
                vectors[i] = found[i];
            }
        }
        return new Sharpness(values, vectors, residuals, 0, op.applications(), true, Sharpness.DENSE);
    }

    /** The top values.length eigenpairs of the symmetric h by EJML's symmetric QR algorithm, in descending order. */
    private static void ejmlTop(double[][] h, double[] values, double[][] vectors) {
        int n = h.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(h))) {
            throw new IllegalStateException("neither Hipparchus nor EJML could diagonalize the " + n + "×" + n
                    + " Hessian");
        }
        boolean[] taken = new boolean[n];
        for (int i = 0; i < values.length; i++) {
            int best = -1;
            for (int j = 0; j < n; j++) {
                if (!taken[j] && (best < 0 || eig.getEigenvalue(j).real > eig.getEigenvalue(best).real)) {
                    best = j;
                }
            }
            taken[best] = true;
            values[i] = eig.getEigenvalue(best).real;
            vectors[i] = eig.getEigenVector(best).getData().clone();
        }
    }

    /**
     * Normalizes v in place and returns ‖Hv − θv‖ (one application of H; {@code hv} is scratch of length n).
     */
    static double residual(HessianOperator op, double[] v, double theta, double[] hv) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] /= norm;
        }
        op.apply(v, hv);
        double r = 0;
        for (int i = 0; i < v.length; i++) {
            double d = hv[i] - theta * v[i];
            r += d * d;
        }
        return Math.sqrt(r);
    }
}
