package eoslab.model.linear;

import java.util.Arrays;

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
 * <p><b>Why hand loops.</b> Every product is written as "add a combination of row arrays to another row array" over
 * matrices held as arrays of rows ({@code double[][]}), a loop HotSpot's C2 compiler vectorizes. EJML's kernels index
 * one flat array at two different offsets, which C2 (Java 17) does not vectorize, and its {@code multTransB} is a serial
 * dot product; on this problem the row form runs several times faster (LinearModelBenchmark; README, performance).
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
    private boolean loaded;
    private boolean grams;
    private double loss;

    /**
     * @param target Φ as rows (q × p), not copied (never modified)
     * @param h      the inner width
     */
    FactorizationKernel(double[][] target, int h) {
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
    }

    /** A fresh kernel on the same target (for another thread). */
    FactorizationKernel copy() {
        return new FactorizationKernel(phi, h);
    }

    /** L(θ). */
    double loss(double[] t) {
        load(t);
        return loss;
    }

    /** Writes ∇L(θ) and returns L(θ). */
    double gradient(double[] t, double[] grad) {
        load(t);
        // ∇W1 = W2ᵀ G (h × p): row i gathers W2[k][i]·G[k] over k
        for (int i = 0; i < h; i++) {
            Arrays.fill(out1[i], 0);
            addCombination(w2t[i], g, q, out1[i], p);
        }
        // ∇W2 = G W1ᵀ, as its transpose W1 Gᵀ (h × q)
        for (int i = 0; i < h; i++) {
            Arrays.fill(out2t[i], 0);
            addCombination(w1[i], gt, p, out2t[i], q);
        }
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
        // Y = W2ᵀ V2 (h × h), Xᵀ = W1 V1ᵀ (h × h)
        for (int i = 0; i < h; i++) {
            double[] wi = w2t[i];
            double[] yi = y[i];
            for (int j = 0; j < h; j++) {
                yi[j] = dot(wi, v2t[j], q);
            }
            double[] wi1 = w1[i];
            double[] xi = xt[i];
            for (int j = 0; j < h; j++) {
                xi[j] = dot(v1[j], wi1, p);
            }
        }
        // (Hv)1 = V2ᵀ G + Y W1 + S2 V1 (h × p)
        for (int i = 0; i < h; i++) {
            double[] r = out1[i];
            Arrays.fill(r, 0);
            addCombination(v2t[i], g, q, r, p);
            addCombination(y[i], w1, h, r, p);
            addCombination(s2[i], v1, h, r, p);
        }
        // (Hv)2ᵀ = V1 Gᵀ + S1 V2ᵀ + Xᵀ W2ᵀ (h × q)
        for (int i = 0; i < h; i++) {
            double[] r = out2t[i];
            Arrays.fill(r, 0);
            addCombination(v1[i], gt, p, r, q);
            addCombination(s1[i], v2t, h, r, q);
            addCombination(xt[i], w2t, h, r, q);
        }
        write(hv);
    }

    /** Loads θ (unless it is the cached one): W1, W2, G = W2W1 − Φ, Gᵀ and the loss. */
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
        }
        double s = 0;
        for (int k = 0; k < q; k++) {
            double[] gk = g[k];
            double[] pk = phi[k];
            for (int c = 0; c < p; c++) {
                gk[c] = -pk[c];
            }
            addCombination(w2[k], w1, h, gk, p);
            s += dot(gk, gk, p);
            for (int c = 0; c < p; c++) {
                gt[c][k] = gk[c];
            }
        }
        loss = 0.5 * s;
        loaded = true;
        grams = false;
    }

    /** S1 = W1 W1ᵀ and S2 = W2ᵀ W2 at the loaded θ. */
    private void gram() {
        for (int i = 0; i < h; i++) {
            for (int j = 0; j <= i; j++) {
                double a = dot(w1[i], w1[j], p);
                double b = dot(w2t[i], w2t[j], q);
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
     * y += Σ_{j<count} c_j·rows[j] over the first n entries, four rows per pass over y, by fused multiply-adds (a loop
     * C2 vectorizes, with a quarter of the loads and stores of y that one row at a time needs).
     *
     * @param y modified
     */
    private static void addCombination(double[] c, double[][] rows, int count, double[] y, int n) {
        int j = 0;
        for (; j + 3 < count; j += 4) {
            double a0 = c[j];
            double a1 = c[j + 1];
            double a2 = c[j + 2];
            double a3 = c[j + 3];
            double[] x0 = rows[j];
            double[] x1 = rows[j + 1];
            double[] x2 = rows[j + 2];
            double[] x3 = rows[j + 3];
            for (int r = 0; r < n; r++) {
                y[r] = Math.fma(a3, x3[r], Math.fma(a2, x2[r], Math.fma(a1, x1[r], Math.fma(a0, x0[r], y[r]))));
            }
        }
        for (; j < count; j++) {
            double a = c[j];
            double[] x0 = rows[j];
            for (int r = 0; r < n; r++) {
                y[r] = Math.fma(a, x0[r], y[r]);
            }
        }
    }

    /** Σ x_j y_j over the first n entries, four partial sums. */
    private static double dot(double[] xs, double[] ys, int n) {
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            a += xs[j] * ys[j];
            b += xs[j + 1] * ys[j + 1];
            c += xs[j + 2] * ys[j + 2];
            d += xs[j + 3] * ys[j + 3];
        }
        for (; j < n; j++) {
            a += xs[j] * ys[j];
        }
        return (a + b) + (c + d);
    }
}
