package eoslab.model.linear;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Independent high-precision references for the model tests: losses evaluated in 50-digit BigDecimal straight from
 * their definitions (explicit loops over samples and matrix entries, sharing no code with the models), and central
 * finite differences of them. θ enters exactly (every double is a BigDecimal), the steps are exact decimals, so a
 * first difference with step 10⁻¹² has truncation error ~10⁻²⁴ and rounding error ~10⁻³⁸ (relative), a mixed second
 * difference with step 10⁻¹⁰ has ~10⁻²⁰ and ~10⁻³⁰: far below the double-precision errors being tested.
 */
public final class HighPrecision {
    /** 50 significant digits. */
    public static final MathContext MC = new MathContext(50);

    private HighPrecision() {
    }

    /** A loss on a BigDecimal θ. */
    @FunctionalInterface
    public interface BigLoss {
        BigDecimal at(BigDecimal[] theta);
    }

    /** The loss at a double θ, rounded to double. */
    public static double loss(BigLoss f, double[] theta) {
        return f.at(big(theta)).doubleValue();
    }

    /** ∇L by central differences with step h·max(1, ‖θ‖_∞). */
    public static double[] gradient(BigLoss f, double[] theta, double h) {
        BigDecimal[] t = big(theta);
        BigDecimal step = step(theta, h);
        BigDecimal twoH = step.add(step);
        double[] g = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            BigDecimal plus = f.at(shift(t, k, step, null, null));
            BigDecimal minus = f.at(shift(t, k, step.negate(), null, null));
            g[k] = plus.subtract(minus, MC).divide(twoH, MC).doubleValue();
        }
        return g;
    }

    /** (∇²L)v by mixed central differences along e_k and v, step h·max(1, ‖θ‖_∞) (v taken as given). */
    public static double[] hessianVector(BigLoss f, double[] theta, double[] v, double h) {
        BigDecimal[] t = big(theta);
        BigDecimal[] bv = big(v);
        BigDecimal step = step(theta, h);
        BigDecimal denom = step.multiply(step).multiply(BigDecimal.valueOf(4));
        double[] out = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            BigDecimal pp = f.at(shift(t, k, step, bv, step));
            BigDecimal pm = f.at(shift(t, k, step, bv, step.negate()));
            BigDecimal mp = f.at(shift(t, k, step.negate(), bv, step));
            BigDecimal mm = f.at(shift(t, k, step.negate(), bv, step.negate()));
            out[k] = pp.subtract(pm, MC).subtract(mp, MC).add(mm, MC).divide(denom, MC).doubleValue();
        }
        return out;
    }

    /** The dense Hessian by second central differences (mixed for k ≠ l), step h·max(1, ‖θ‖_∞). */
    public static double[][] hessian(BigLoss f, double[] theta, double h) {
        int n = theta.length;
        BigDecimal[] t = big(theta);
        BigDecimal step = step(theta, h);
        BigDecimal denom = step.multiply(step).multiply(BigDecimal.valueOf(4));
        BigDecimal f0 = f.at(t);
        double[][] hess = new double[n][n];
        for (int k = 0; k < n; k++) {
            BigDecimal two = step.add(step);
            BigDecimal plus = f.at(shift(t, k, two, null, null));
            BigDecimal minus = f.at(shift(t, k, two.negate(), null, null));
            hess[k][k] = plus.subtract(f0.add(f0), MC).add(minus, MC).divide(denom, MC).doubleValue();
            for (int l = k + 1; l < n; l++) {
                BigDecimal pp = f.at(shift2(t, k, step, l, step));
                BigDecimal pm = f.at(shift2(t, k, step, l, step.negate()));
                BigDecimal mp = f.at(shift2(t, k, step.negate(), l, step));
                BigDecimal mm = f.at(shift2(t, k, step.negate(), l, step.negate()));
                double hkl = pp.subtract(pm, MC).subtract(mp, MC).add(mm, MC).divide(denom, MC).doubleValue();
                hess[k][l] = hkl;
                hess[l][k] = hkl;
            }
        }
        return hess;
    }

    // ----- losses

    /** (1/2n) Σᵢ ‖W_D ⋯ W_1 xᵢ − yᵢ‖², layer by layer on each sample. */
    public static BigLoss deepData(int[] widths, double[][] x, double[][] y) {
        int n = x.length;
        BigDecimal twoN = BigDecimal.valueOf(2L * n);
        return theta -> {
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal[] z = big(x[i]);
                int off = 0;
                for (int l = 1; l < widths.length; l++) {
                    int rows = widths[l];
                    int cols = widths[l - 1];
                    BigDecimal[] next = new BigDecimal[rows];
                    for (int a = 0; a < rows; a++) {
                        BigDecimal s = BigDecimal.ZERO;
                        for (int c = 0; c < cols; c++) {
                            s = s.add(theta[off + a * cols + c].multiply(z[c], MC), MC);
                        }
                        next[a] = s;
                    }
                    off += rows * cols;
                    z = next;
                }
                for (int a = 0; a < z.length; a++) {
                    BigDecimal r = z[a].subtract(new BigDecimal(y[i][a]), MC);
                    sum = sum.add(r.multiply(r, MC), MC);
                }
            }
            return sum.divide(twoN, MC);
        };
    }

    /** ½‖W_D ⋯ W_1 − Φ‖²_F with the product formed entry by entry. */
    public static BigLoss deepTarget(int[] widths, double[][] phi) {
        int p = widths[0];
        return theta -> {
            // P = W_l ⋯ W_1, starting from the identity
            BigDecimal[][] prod = new BigDecimal[p][p];
            for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) {
                    prod[a][c] = a == c ? BigDecimal.ONE : BigDecimal.ZERO;
                }
            }
            int off = 0;
            for (int l = 1; l < widths.length; l++) {
                int rows = widths[l];
                int cols = widths[l - 1];
                BigDecimal[][] next = new BigDecimal[rows][p];
                for (int a = 0; a < rows; a++) {
                    for (int c = 0; c < p; c++) {
                        BigDecimal s = BigDecimal.ZERO;
                        for (int m = 0; m < cols; m++) {
                            s = s.add(theta[off + a * cols + m].multiply(prod[m][c], MC), MC);
                        }
                        next[a][c] = s;
                    }
                }
                off += rows * cols;
                prod = next;
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int a = 0; a < prod.length; a++) {
                for (int c = 0; c < p; c++) {
                    BigDecimal r = prod[a][c].subtract(new BigDecimal(phi[a][c]), MC);
                    sum = sum.add(r.multiply(r, MC), MC);
                }
            }
            return sum.divide(BigDecimal.valueOf(2), MC);
        };
    }

    /** (1/2n) Σᵢ (⟨u⊙u − v⊙v, xᵢ⟩ − yᵢ)², θ = (u, v). */
    public static BigLoss diagonal(double[][] x, double[] y) {
        int n = x.length;
        int p = x[0].length;
        BigDecimal twoN = BigDecimal.valueOf(2L * n);
        return theta -> {
            BigDecimal[] beta = new BigDecimal[p];
            for (int j = 0; j < p; j++) {
                beta[j] = theta[j].multiply(theta[j], MC).subtract(theta[p + j].multiply(theta[p + j], MC), MC);
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                BigDecimal f = BigDecimal.ZERO;
                for (int j = 0; j < p; j++) {
                    f = f.add(beta[j].multiply(new BigDecimal(x[i][j]), MC), MC);
                }
                BigDecimal r = f.subtract(new BigDecimal(y[i]), MC);
                sum = sum.add(r.multiply(r, MC), MC);
            }
            return sum.divide(twoN, MC);
        };
    }

    // ----- helpers

    /** Exact BigDecimal copies. */
    public static BigDecimal[] big(double[] x) {
        BigDecimal[] out = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = new BigDecimal(x[i]);
        }
        return out;
    }

    private static BigDecimal step(double[] theta, double h) {
        double max = 1;
        for (double t : theta) {
            max = Math.max(max, Math.abs(t));
        }
        return new BigDecimal(Double.toString(h)).multiply(new BigDecimal(max), MC);
    }

    private static BigDecimal[] shift(BigDecimal[] t, int k, BigDecimal dk, BigDecimal[] v, BigDecimal dv) {
        BigDecimal[] out = t.clone();
        if (v != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = out[i].add(v[i].multiply(dv, MC), MC);
            }
        }
        out[k] = out[k].add(dk, MC);
        return out;
    }

    private static BigDecimal[] shift2(BigDecimal[] t, int k, BigDecimal dk, int l, BigDecimal dl) {
        BigDecimal[] out = t.clone();
        out[k] = out[k].add(dk, MC);
        out[l] = out[l].add(dl, MC);
        return out;
    }
}
