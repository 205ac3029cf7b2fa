package eoslab.model.linear;

import eoslab.linalg.Rows;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * Loss, gradient and Hessian-vector product of matrix factorization, the depth-2 network on a target matrix:
 * L = ½‖W₂W₁ − Φ‖²_F with W₁ ∈ ℝ^{h×p}, W₂ ∈ ℝ^{q×h} (θ = W₁ then W₂, row-major), in a form that exploits the narrow
 * inner width h and compiles to SIMD code.
 *
 * <p><b>Formulas.</b> With G = W₂W₁ − Φ, S₁ = W₁W₁ᵀ and S₂ = W₂ᵀW₂ (h × h, formed once per θ):
 * ∇_{W₁} = W₂ᵀG, ∇_{W₂} = GW₁ᵀ, and along (V₁, V₂), with Ẇ = V₂W₁ + W₂V₁ never formed,
 * <pre>
 *   (Hv)₁ = V₂ᵀG + W₂ᵀẆ  = V₂ᵀG + (W₂ᵀV₂)W₁ + S₂V₁,
 *   (Hv)₂ = GV₁ᵀ + ẆW₁ᵀ  = GV₁ᵀ + V₂S₁ + W₂(V₁W₁ᵀ),
 * </pre>
 * the general formulas of {@link DeepLinearModel} regrouped: a product costs 2qph + O((p + q)h²) multiply-adds instead
 * of 6qph (the two products with G are the only ones of size q × p).
 *
 * <p><b>Low-rank targets.</b> When Φ has numerical rank r (singular values above σ_max·max(p, q)·2⁻⁵², NumPy's
 * {@code matrix_rank} rule) with (p + q)r &lt; pq/2, the constructor keeps Φ = LR (L = U_rΣ_r, R = V_rᵀ, from the
 * SVD, {@link Dense#svd}) and the product avoids G: with Y = W₂ᵀV₂, X = V₁W₁ᵀ, Z = V₂ᵀL and Z' = V₁Rᵀ,
 * <pre>
 *   (Hv)₁ = (Y + Yᵀ)W₁ − ZR + S₂V₁,
 *   (Hv)₂ᵀ = (X + Xᵀ)W₂ᵀ − Z'Lᵀ + S₁V₂ᵀ,
 * </pre>
 * 2(p + q)h(h + r) multiply-adds (60 000 instead of 260 000 for 100 × 100 of rank 10 at h = 10). The dropped singular
 * values and the factors' rounding change the product by a few ulps of ‖Φ‖ (tested); the loss and the gradient always
 * use Φ itself.
 *
 * <p><b>Why hand loops.</b> Every product is written as "add a combination of row arrays to another row array" over
 * matrices held as arrays of rows ({@code double[][]}, {@link Rows}), a loop HotSpot's C2 compiler vectorizes.
 * EJML's kernels index one flat array at two different offsets, which C2 (Java 17) does not vectorize, and its
 * {@code multTransB} is a serial dot product; on this problem the row form runs several times faster (LinearModelBenchmark; README, performance).
 *
 * <p>Caches the quantities of the last θ (compared by content). Allocates nothing after construction; not
 * thread-safe.
 */
final class FactorizationKernel {
    private final int p;
    private final int h;
    private final int q;
    private final double[][] phi;
    private final double[][] w1;
    private final double[][] w2;
    private final double[][] w2t;
    private final double[][] g;
    private final double[][] gt;
    private final double[][] s1;
    private final double[][] s2;
    private final double[][] v1;
    private final double[][] v2t;
    private final double[][] xt;
    private final double[][] y;
    private final double[][] out1;
    private final double[][] out2t;
    private final double[] theta;
    /** Lᵀ (r × q) and R (r × p) of a low-rank Φ = LR, or null. */
    private final double[][] lt;
    private final double[][] rr;
    /** [W₂ᵀ; Lᵀ] and [W₁; R] as rows (the W rows shared with w2t and w1), for one pass of dot products. */
    /** [W₂ | L] (q × (h + r)) and [W₁ᵀ | Rᵀ] (p × (h + r)), row-major; their W parts follow θ. */
    private final double[][] stackQ;
    private final double[][] stackP;
    /** Per product: rows [Yᵀ | Z] and [X | Z'] (h × (h + r)), the symmetric parts, −Z, −Z'. */
    private final double[][] dq;
    private final double[][] dp;
    private final double[][] ysym;
    private final double[][] xsym;
    private final double[][] negZ;
    private final double[][] negZp;
    private boolean loaded;
    private boolean grams;
    private boolean haveResidual;
    private double loss;

    /**
     * @param target Φ as rows (q × p), not copied (never modified)
     * @param h      the inner width
     */
    FactorizationKernel(double[][] target, int h) {
        this(target, h, lowRank(target));
    }

    private FactorizationKernel(double[][] target, int h, double[][][] factors) {
        this.q = target.length;
        this.p = target[0].length;
        this.h = h;
        this.phi = target;
        this.w1 = new double[h][p];
        this.w2 = new double[q][h];
        this.w2t = new double[h][q];
        this.g = new double[q][p];
        this.gt = new double[p][q];
        this.s1 = new double[h][h];
        this.s2 = new double[h][h];
        this.v1 = new double[h][p];
        this.v2t = new double[h][q];
        this.xt = new double[h][h];
        this.y = new double[h][h];
        this.out1 = new double[h][p];
        this.out2t = new double[h][q];
        this.theta = new double[h * p + q * h];
        this.lt = factors == null ? null : factors[0];
        this.rr = factors == null ? null : factors[1];
        int r = lt == null ? 0 : lt.length;
        this.stackQ = new double[q][h + r];
        this.stackP = new double[p][h + r];
        for (int j = 0; j < r; j++) {
            for (int k = 0; k < q; k++) {
                stackQ[k][h + j] = lt[j][k];
            }
            for (int c = 0; c < p; c++) {
                stackP[c][h + j] = rr[j][c];
            }
        }
        this.dq = new double[h][h + r];
        this.dp = new double[h][h + r];
        this.ysym = new double[h][h];
        this.xsym = new double[h][h];
        this.negZ = new double[h][r];
        this.negZp = new double[h][r];
    }

    /**
     * {Lᵀ, R} with Φ = LR from the SVD truncated at the numerical rank, when that rank r makes the factored product
     * cheaper ((p + q)r &lt; pq/2); otherwise null.
     */
    private static double[][][] lowRank(double[][] phi) {
        int q = phi.length;
        int p = phi[0].length;
        double[] sigma = new double[Math.min(p, q)];
        DMatrixRMaj[] uv = Dense.svd(new DMatrixRMaj(phi), sigma);
        double cut = sigma[0] * Math.max(p, q) * Math.ulp(1.0);
        int r = 0;
        while (r < sigma.length && sigma[r] > cut) {
            r++;
        }
        if (2L * (p + q) * r >= (long) p * q) {
            return null;
        }
        DMatrixRMaj u = uv[0];
        DMatrixRMaj v = uv[1];
        double[][] lt = new double[r][q];
        double[][] rr = new double[r][p];
        for (int j = 0; j < r; j++) {
            for (int k = 0; k < q; k++) {
                lt[j][k] = u.get(k, j) * sigma[j];
            }
            for (int c = 0; c < p; c++) {
                rr[j][c] = v.get(c, j);
            }
        }
        return new double[][][] {lt, rr};
    }

    /** The rank of the factored target, or −1 when the product uses Φ itself. */
    int factoredRank() {
        return lt == null ? -1 : lt.length;
    }

    /** A fresh kernel on the same target (for another thread). */
    FactorizationKernel copy() {
        return new FactorizationKernel(phi, h, lt == null ? null : new double[][][] {lt, rr});
    }

    /** L(θ). */
    double loss(double[] t) {
        loadWithResidual(t);
        return loss;
    }

    /** Writes ∇L(θ) and returns L(θ). */
    double gradient(double[] t, double[] grad) {
        loadWithResidual(t);
        // ∇W1 = W2ᵀ G (h × p), ∇W2 = G W1ᵀ as its transpose W1 Gᵀ (h × q)
        for (int i = 0; i < h; i++) {
            Arrays.fill(out1[i], 0);
            Arrays.fill(out2t[i], 0);
        }
        addProduct(w2t, g, out1);
        addProduct(w1, gt, out2t);
        write(grad);
        return loss;
    }

    /** Writes ∇²L(θ)·v into hv. */
    void hessianVector(double[] t, double[] v, double[] hv) {
        load(t);
        if (!grams) {
            gram();
        }
        for (int i = 0; i < h; i++) {
            System.arraycopy(v, i * p, v1[i], 0, p);
        }
        int off = h * p;
        for (int k = 0; k < q; k++) {
            for (int i = 0; i < h; i++) {
                v2t[i][k] = v[off + k * h + i];
            }
        }
        if (lt != null) {
            factoredProduct();
            write(hv);
            return;
        }
        if (!haveResidual) {
            formResidual();
        }
        // Y = W2ᵀ V2 (h × h), Xᵀ = W1 V1ᵀ (h × h): four dot products per pass over a row of W2ᵀ or W1
        for (int i = 0; i < h; i++) {
            Rows.dots(w2t[i], v2t, h, q, y[i]);
            Rows.dots(w1[i], v1, h, p, xt[i]);
        }
        // (Hv)1 = V2ᵀ G + Y W1 + S2 V1 (h × p), (Hv)2ᵀ = V1 Gᵀ + S1 V2ᵀ + Xᵀ W2ᵀ (h × q)
        for (int i = 0; i < h; i++) {
            double[] r = out1[i];
            Arrays.fill(r, 0);
            Rows.addCombination(y[i], 0, w1, h, r, p);
            Rows.addCombination(s2[i], 0, v1, h, r, p);
            double[] r2 = out2t[i];
            Arrays.fill(r2, 0);
            Rows.addCombination(s1[i], 0, v2t, h, r2, q);
            Rows.addCombination(xt[i], 0, w2t, h, r2, q);
        }
        addProduct(v2t, g, out1);
        addProduct(v1, gt, out2t);
        write(hv);
    }

    /** The product of a low-rank target (class comment) from v1 and v2t into out1 and out2t. */
    private void factoredProduct() {
        int r = lt.length;
        // row i of [Yᵀ | Z] = V2ᵀ[W2 | L] and of [X | Z'] = V1[W1ᵀ | Rᵀ], as combinations of the stacks' rows (a loop
        // C2 vectorizes; the same numbers as dot products, which it does not, in three quarters of the time)
        for (int i = 0; i < h; i++) {
            Arrays.fill(dq[i], 0);
            Rows.addCombination(v2t[i], 0, stackQ, q, dq[i], h + r);
            Arrays.fill(dp[i], 0);
            Rows.addCombination(v1[i], 0, stackP, p, dp[i], h + r);
        }
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < h; j++) {
                ysym[i][j] = dq[i][j] + dq[j][i];
                xsym[i][j] = dp[i][j] + dp[j][i];
            }
            for (int j = 0; j < r; j++) {
                negZ[i][j] = -dq[i][h + j];
                negZp[i][j] = -dp[i][h + j];
            }
        }
        for (int i = 0; i < h; i++) {
            double[] r1 = out1[i];
            Arrays.fill(r1, 0);
            Rows.addCombination(ysym[i], 0, w1, h, r1, p);
            Rows.addCombination(negZ[i], 0, rr, r, r1, p);
            Rows.addCombination(s2[i], 0, v1, h, r1, p);
            double[] r2 = out2t[i];
            Arrays.fill(r2, 0);
            Rows.addCombination(xsym[i], 0, w2t, h, r2, q);
            Rows.addCombination(negZp[i], 0, lt, r, r2, q);
            Rows.addCombination(s1[i], 0, v2t, h, r2, q);
        }
    }

    /** Loads θ (unless it is the cached one): W1, W2 and W2ᵀ; G, the loss and the Gram matrices follow on demand. */
    private void load(double[] t) {
        if (loaded && Arrays.equals(t, theta)) {
            return;
        }
        System.arraycopy(t, 0, theta, 0, theta.length);
        for (int i = 0; i < h; i++) {
            System.arraycopy(t, i * p, w1[i], 0, p);
        }
        int off = h * p;
        for (int k = 0; k < q; k++) {
            System.arraycopy(t, off + k * h, w2[k], 0, h);
            for (int i = 0; i < h; i++) {
                w2t[i][k] = w2[k][i];
            }
            if (lt != null) {
                System.arraycopy(w2[k], 0, stackQ[k], 0, h);
            }
        }
        if (lt != null) {
            for (int i = 0; i < h; i++) {
                double[] row = w1[i];
                for (int c = 0; c < p; c++) {
                    stackP[c][i] = row[c];
                }
            }
        }
        loaded = true;
        grams = false;
        haveResidual = false;
    }

    /** Loads θ with G, Gᵀ and the loss. */
    private void loadWithResidual(double[] t) {
        load(t);
        if (!haveResidual) {
            formResidual();
        }
    }

    /** G = W2W1 − Φ, Gᵀ and the loss at the loaded θ (the factored product does not need them). */
    private void formResidual() {
        double s = 0;
        for (int k = 0; k < q; k++) {
            double[] gk = g[k];
            double[] pk = phi[k];
            for (int c = 0; c < p; c++) {
                gk[c] = -pk[c];
            }
            Rows.addCombination(w2[k], 0, w1, h, gk, p);
            s += Rows.dot(gk, gk, p);
            for (int c = 0; c < p; c++) {
                gt[c][k] = gk[c];
            }
        }
        loss = 0.5 * s;
        haveResidual = true;
    }

    /** S1 = W1 W1ᵀ and S2 = W2ᵀ W2 at the loaded θ. */
    private void gram() {
        for (int i = 0; i < h; i++) {
            for (int j = 0; j <= i; j++) {
                double a = Rows.dot(w1[i], w1[j], p);
                double b = Rows.dot(w2t[i], w2t[j], q);
                s1[i][j] = a;
                s1[j][i] = a;
                s2[i][j] = b;
                s2[j][i] = b;
            }
        }
        grams = true;
    }

    /** θ-shaped output from out1 (block W1) and out2t (block W2, transposed). */
    private void write(double[] dst) {
        for (int i = 0; i < h; i++) {
            System.arraycopy(out1[i], 0, dst, i * p, p);
        }
        int off = h * p;
        for (int k = 0; k < q; k++) {
            for (int i = 0; i < h; i++) {
                dst[off + k * h + i] = out2t[i][k];
            }
        }
    }

    /**
     * out += C·M for C = coefficients (h rows) and M = rows (one row per column of C, G or Gᵀ here), by blocks of four
     * rows of M, which stay in L1 while every output row takes them (M itself is read once).
     *
     * @param out modified
     */
    private void addProduct(double[][] coefficients, double[][] rows, double[][] out) {
        int count = rows.length;
        int n = rows[0].length;
        for (int k = 0; k < count; k += 4) {
            int block = Math.min(4, count - k);
            for (int i = 0; i < h; i++) {
                Rows.addCombination(coefficients[i], k, rows, block, out[i], n);
            }
        }
    }

}
