package eoslab.model.linear;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Starting points θ for {@link DeepLinearModel} (W1, …, WD concatenated, each row-major), and generated target
 * matrices. Widths are {h_0 = p, h_1, …, h_D = q}, as for the model.
 *
 * <p>Every random start draws from one {@code java.util.Random(seed)} in a documented order with
 * {@code nextGaussian()}, whose algorithm the Java specification fixes; the only other operations are the four
 * arithmetic operations, {@code sqrt}, {@code StrictMath.pow}/{@code exp} and Householder QR (EJML, which uses nothing
 * else), so a seed gives the same bits on every machine. The exception is {@link #balancedFactorization}, which
 * factors a given matrix by an SVD (identical results on one platform; equal to rounding across platforms).
 */
public final class LinearStarts {
    private LinearStarts() {
    }

    /** Gaussian layers: every entry of every layer is scale·N(0, 1), drawn layer by layer (W1 first), row-major. */
    public static double[] gaussian(int[] widths, double scale, long seed) {
        double[] scales = new double[checkWidths(widths)];
        Arrays.fill(scales, scale);
        return gaussian(widths, scales, seed);
    }

    /**
     * Gaussian layers with one scale per layer: the entries of W_i are scales[i−1]·N(0, 1), drawn layer by layer,
     * row-major (for example scales[i−1] = 1/√h_{i−1} for the usual fan-in initialization).
     */
    public static double[] gaussian(int[] widths, double[] scales, long seed) {
        int depth = checkWidths(widths);
        if (scales.length != depth) {
            throw new IllegalArgumentException("need " + depth + " scales, got " + scales.length);
        }
        Random rnd = new Random(seed);
        double[] theta = new double[parameters(widths)];
        int k = 0;
        for (int l = 1; l <= depth; l++) {
            int size = widths[l] * widths[l - 1];
            for (int i = 0; i < size; i++) {
                theta[k++] = scales[l - 1] * rnd.nextGaussian();
            }
        }
        return theta;
    }

    /**
     * A balanced start: every conserved matrix W_{i+1}ᵀW_{i+1} − W_iW_iᵀ is zero (to rounding), and the end-to-end
     * matrix is O_D diag(s) O_0ᵀ. Construction: orthonormal O_i ∈ ℝ^{h_i × r} (r = s.length), Haar-random from
     * {@code seed} in the order O_0, O_1, …, O_D (each a Gaussian h_i × r matrix drawn row-major and orthonormalized
     * by QR with the sign fix), and W_i = O_i diag(s^{1/D}) O_{i−1}ᵀ; then W_iW_iᵀ = O_i diag(s^{2/D}) O_iᵀ =
     * W_{i+1}ᵀW_{i+1}. Any widths allow it with r ≤ min(h_0, …, h_D); no balanced point has a larger rank (balanced
     * layers share their non-zero singular values, so all have one rank).
     *
     * @param s the end-to-end singular values, each ≥ 0
     */
    public static double[] balanced(int[] widths, double[] s, long seed) {
        int depth = checkWidths(widths);
        int rank = checkSpectrum(widths, s);
        Random rnd = new Random(seed);
        DMatrixRMaj[] o = new DMatrixRMaj[depth + 1];
        for (int i = 0; i <= depth; i++) {
            o[i] = Dense.randomOrthonormal(widths[i], rank, rnd);
        }
        return factors(widths, o, s);
    }

    /**
     * Balanced factors of a given end-to-end matrix w (q × p): with the SVD w = U diag(σ) Vᵀ of rank r (singular values
     * above max(p, q)·ε·σ_max), O_0 = V, O_D = U, the hidden O_1 … O_{D−1} Haar-random from {@code seed} (in that
     * order, drawn as in {@link #balanced}), and W_i = O_i diag(σ^{1/D}) O_{i−1}ᵀ, so that W_D ⋯ W_1 = w. Needs
     * r ≤ min(h_1, …, h_{D−1}). For a target problem with Φ = w, this is a global minimum.
     */
    public static double[] balancedFactorization(int[] widths, double[][] w, long seed) {
        int depth = checkWidths(widths);
        int p = widths[0];
        int q = widths[depth];
        DMatrixRMaj wm = Dense.matrix("w", w, p);
        if (wm.numRows != q) {
            throw new IllegalArgumentException("w has " + wm.numRows + " rows, expected q = " + q);
        }
        double[] sv = new double[Math.min(p, q)];
        DMatrixRMaj[] uv = Dense.svd(wm, sv);
        double tol = Math.max(p, q) * Math.ulp(1.0) * sv[0];
        int rank = 0;
        while (rank < sv.length && sv[rank] > tol) {
            rank++;
        }
        double[] s = Arrays.copyOf(sv, rank);
        checkSpectrum(widths, s);
        if (rank == 0) {
            return new double[parameters(widths)];
        }
        Random rnd = new Random(seed);
        DMatrixRMaj[] o = new DMatrixRMaj[depth + 1];
        o[0] = Dense.columns(uv[1], 0, rank);
        o[depth] = Dense.columns(uv[0], 0, rank);
        for (int i = 1; i < depth; i++) {
            o[i] = Dense.randomOrthonormal(widths[i], rank, rnd);
        }
        return factors(widths, o, s);
    }

    /**
     * The balanced start of {@link #balanced} with layer i multiplied by factors[i−1]: the end-to-end matrix is
     * (∏ factors)·O_D diag(s) O_0ᵀ and the conserved matrices are Q_i = (c_{i+1}² − c_i²)·O_i diag(s^{2/D}) O_iᵀ, of
     * nuclear norm |c_{i+1}² − c_i²|·Σ_j s_j^{2/D}.
     */
    public static double[] scaledBalanced(int[] widths, double[] s, double[] factors, long seed) {
        int depth = checkWidths(widths);
        if (factors.length != depth) {
            throw new IllegalArgumentException("need " + depth + " factors, got " + factors.length);
        }
        double[] theta = balanced(widths, s, seed);
        int k = 0;
        for (int l = 1; l <= depth; l++) {
            int size = widths[l] * widths[l - 1];
            for (int i = 0; i < size; i++) {
                theta[k++] *= factors[l - 1];
            }
        }
        return theta;
    }

    /**
     * A one-parameter family of starts with chosen imbalance t and the end-to-end matrix of {@link #balanced}: the
     * balanced layers scaled by c_i = exp(t·(i − (D+1)/2)) (∏ c_i = 1, so the product is unchanged). Then
     * Q_i = 2 sinh(t)·e^{t(2i−D)}·O_i diag(s^{2/D}) O_iᵀ and the imbalance is
     * 2|sinh t|·(Σ_j s_j^{2/D})·Σ_{i=1}^{D−1} e^{t(2i−D)}. For D = 2: W_1 = e^{−t/2}·(balanced), W_2 = e^{t/2}·(balanced),
     * W_2ᵀW_2 − W_1W_1ᵀ = 2 sinh(t)·O_1 diag(s) O_1ᵀ, imbalance 2|sinh t|·Σ s_j; with p = q = 1 and s = {σ} this is the
     * shallow start with |m| = σ, λ = 2σ cosh t and Q = 2σ|sinh t|. t = 0 is balanced.
     */
    public static double[] imbalanced(int[] widths, double[] s, double t, long seed) {
        int depth = checkWidths(widths);
        double[] c = new double[depth];
        for (int i = 1; i <= depth; i++) {
            c[i - 1] = StrictMath.exp(t * (i - (depth + 1) / 2.0));
        }
        return scaledBalanced(widths, s, c, seed);
    }

    /**
     * A depth-2 start with a prescribed conserved matrix: given W_1 (h × p) and a symmetric Q (h × h), W_2 (q × h) is
     * the factor of S = Q + W_1W_1ᵀ from its eigen-decomposition (row j = √μ_j u_jᵀ for the eigenpairs in descending
     * order, zero rows beyond h), so that W_2ᵀW_2 − W_1W_1ᵀ = Q. Needs S positive semi-definite of rank ≤ q (to
     * 16·h·ε·‖S‖); W_2 is one choice among Ω·W_2 with Ω orthogonal (which changes the product W_2W_1, not Q).
     */
    public static double[] withImbalance(int[] widths, double[][] w1, double[][] imbalance) {
        int depth = checkWidths(widths);
        if (depth != 2) {
            throw new IllegalArgumentException("withImbalance is for depth 2, got widths " + Arrays.toString(widths));
        }
        int p = widths[0];
        int h = widths[1];
        int q = widths[2];
        DMatrixRMaj a = Dense.matrix("w1", w1, p);
        DMatrixRMaj qm = Dense.matrix("imbalance", imbalance, h);
        if (a.numRows != h || qm.numRows != h) {
            throw new IllegalArgumentException("w1 must be " + h + "×" + p + " and the imbalance " + h + "×" + h);
        }
        double scale = Math.max(CommonOps_DDRM.elementMaxAbs(qm), 1e-300);
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(qm.get(i, j) - qm.get(j, i)) > 1e-12 * scale) {
                    throw new IllegalArgumentException("the imbalance matrix is not symmetric");
                }
            }
        }
        DMatrixRMaj sm = new DMatrixRMaj(h, h);
        CommonOps_DDRM.multOuter(a, sm);
        CommonOps_DDRM.addEquals(sm, qm);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(h, true, true);
        if (!eig.decompose(sm.copy())) {
            throw new IllegalStateException("eigen-decomposition did not converge");
        }
        Integer[] order = new Integer[h];
        double[] mu = new double[h];
        double norm = 0;
        for (int j = 0; j < h; j++) {
            mu[j] = eig.getEigenvalue(j).real;
            order[j] = j;
            norm = Math.max(norm, Math.abs(mu[j]));
        }
        Arrays.sort(order, (x, y) -> Double.compare(mu[y], mu[x]));
        double tol = 16.0 * h * Math.ulp(1.0) * norm;
        if (mu[order[h - 1]] < -tol) {
            throw new IllegalArgumentException("Q + W1W1ᵀ is not positive semi-definite: no W2 has this imbalance");
        }
        if (h > q && mu[order[q]] > tol) {
            throw new IllegalArgumentException("Q + W1W1ᵀ has rank > q = " + q + ": no W2 has this imbalance");
        }
        double[] theta = new double[h * p + q * h];
        System.arraycopy(a.data, 0, theta, 0, h * p);
        for (int j = 0; j < Math.min(q, h); j++) {
            double sq = Math.sqrt(Math.max(mu[order[j]], 0));
            DMatrixRMaj vec = eig.getEigenVector(order[j]);
            for (int c = 0; c < h; c++) {
                theta[h * p + j * h + c] = sq * vec.get(c, 0);
            }
        }
        return theta;
    }

    /**
     * A target matrix with given singular values: Φ = U diag(s) Vᵀ (q × p), with U (q × k) and V (p × k), k = s.length,
     * Haar-random with orthonormal columns: a Gaussian q × k matrix and then a Gaussian p × k matrix drawn row-major from
     * {@code Random(seed)}, each orthonormalized by Householder QR with the sign fix.
     *
     * @param s the singular values, each ≥ 0, 1 ≤ k ≤ min(q, p)
     * @return Φ as q rows of p entries
     */
    public static double[][] targetFromSpectrum(double[] s, int q, int p, long seed) {
        if (q < 1 || p < 1) {
            throw new IllegalArgumentException("need q, p ≥ 1");
        }
        if (s.length < 1 || s.length > Math.min(q, p)) {
            throw new IllegalArgumentException("need 1 ≤ k ≤ min(q, p) singular values, got " + s.length);
        }
        for (double x : s) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("singular values must be finite and ≥ 0: " + Arrays.toString(s));
            }
        }
        Random rnd = new Random(seed);
        DMatrixRMaj u = Dense.randomOrthonormal(q, s.length, rnd);
        DMatrixRMaj v = Dense.randomOrthonormal(p, s.length, rnd);
        DMatrixRMaj us = u.copy();
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < s.length; j++) {
                us.unsafe_set(i, j, us.unsafe_get(i, j) * s[j]);
            }
        }
        DMatrixRMaj phi = new DMatrixRMaj(q, p);
        CommonOps_DDRM.multTransB(us, v, phi);
        return Dense.rows(phi);
    }

    /** dim θ for these widths. */
    public static int parameters(int[] widths) {
        int depth = checkWidths(widths);
        int n = 0;
        for (int l = 1; l <= depth; l++) {
            n = Math.addExact(n, Math.multiplyExact(widths[l], widths[l - 1]));
        }
        return n;
    }

    private static int checkWidths(int[] widths) {
        if (widths == null || widths.length < 3) {
            throw new IllegalArgumentException("widths {p, h_1, …, q} of a network of depth ≥ 2 expected");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("widths must be ≥ 1: " + Arrays.toString(widths));
            }
        }
        return widths.length - 1;
    }

    private static int checkSpectrum(int[] widths, double[] s) {
        int min = Integer.MAX_VALUE;
        for (int w : widths) {
            min = Math.min(min, w);
        }
        if (s.length > min) {
            throw new IllegalArgumentException("a balanced point has rank ≤ min(widths) = " + min + ", got "
                    + s.length + " singular values");
        }
        for (double x : s) {
            if (!(x >= 0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("singular values must be finite and ≥ 0: " + Arrays.toString(s));
            }
        }
        return s.length;
    }

    /** W_i = O_i diag(s^{1/D}) O_{i−1}ᵀ. */
    private static double[] factors(int[] widths, DMatrixRMaj[] o, double[] s) {
        int depth = widths.length - 1;
        int rank = s.length;
        double[] root = new double[rank];
        for (int j = 0; j < rank; j++) {
            root[j] = StrictMath.pow(s[j], 1.0 / depth);
        }
        double[] theta = new double[parameters(widths)];
        int off = 0;
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj scaled = o[l].copy();
            for (int i = 0; i < scaled.numRows; i++) {
                for (int j = 0; j < rank; j++) {
                    scaled.unsafe_set(i, j, scaled.unsafe_get(i, j) * root[j]);
                }
            }
            DMatrixRMaj w = new DMatrixRMaj(widths[l], widths[l - 1]);
            if (rank > 0) {
                CommonOps_DDRM.multTransB(scaled, o[l - 1], w);
            }
            System.arraycopy(w.data, 0, theta, off, w.getNumElements());
            off += w.getNumElements();
        }
        return theta;
    }
}
