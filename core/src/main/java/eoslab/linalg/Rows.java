package eoslab.linalg;

/**
 * Combinations and dot products of row arrays ({@code double[]} rows of a {@code double[][]} matrix), written so that
 * C2 (Java 17) compiles them well: a combination adds four rows per pass over the output by fused multiply-adds (a
 * loop it vectorizes, with a quarter of the output's loads and stores); a dot product is a reduction, which it does not
 * vectorize, so several run side by side in independent chains of fused multiply-adds. Allocation-free; the arrays
 * may be any length of at least n.
 */
public final class Rows {
    private Rows() {
    }

    /**
     * y += Σ_{from ≤ j < from + count} c_j·rows[j] over the first n entries.
     *
     * @param y modified
     */
    public static void addCombination(double[] c, int from, double[][] rows, int count, double[] y, int n) {
        int j = from;
        int end = from + count;
        for (; j + 3 < end; j += 4) {
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
        for (; j < end; j++) {
            double a = c[j];
            double[] x0 = rows[j];
            for (int r = 0; r < n; r++) {
                y[r] = Math.fma(a, x0[r], y[r]);
            }
        }
    }

    /**
     * out_j = x·rows[j] over the first n entries, for j &lt; count: eight, then four, dot products per pass over x,
     * each one chain of fused multiply-adds; the last count mod 4 by {@link #dot}.
     *
     * @param out modified
     */
    public static void dots(double[] x, double[][] rows, int count, int n, double[] out) {
        int l = 0;
        for (; l + 7 < count; l += 8) {
            double[] y0 = rows[l];
            double[] y1 = rows[l + 1];
            double[] y2 = rows[l + 2];
            double[] y3 = rows[l + 3];
            double[] y4 = rows[l + 4];
            double[] y5 = rows[l + 5];
            double[] y6 = rows[l + 6];
            double[] y7 = rows[l + 7];
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double a4 = 0;
            double a5 = 0;
            double a6 = 0;
            double a7 = 0;
            for (int r = 0; r < n; r++) {
                double xr = x[r];
                a0 = Math.fma(xr, y0[r], a0);
                a1 = Math.fma(xr, y1[r], a1);
                a2 = Math.fma(xr, y2[r], a2);
                a3 = Math.fma(xr, y3[r], a3);
                a4 = Math.fma(xr, y4[r], a4);
                a5 = Math.fma(xr, y5[r], a5);
                a6 = Math.fma(xr, y6[r], a6);
                a7 = Math.fma(xr, y7[r], a7);
            }
            out[l] = a0;
            out[l + 1] = a1;
            out[l + 2] = a2;
            out[l + 3] = a3;
            out[l + 4] = a4;
            out[l + 5] = a5;
            out[l + 6] = a6;
            out[l + 7] = a7;
        }
        for (; l + 3 < count; l += 4) {
            double[] y0 = rows[l];
            double[] y1 = rows[l + 1];
            double[] y2 = rows[l + 2];
            double[] y3 = rows[l + 3];
            double a = 0;
            double b = 0;
            double c = 0;
            double d = 0;
            for (int r = 0; r < n; r++) {
                double xr = x[r];
                a = Math.fma(xr, y0[r], a);
                b = Math.fma(xr, y1[r], b);
                c = Math.fma(xr, y2[r], c);
                d = Math.fma(xr, y3[r], d);
            }
            out[l] = a;
            out[l + 1] = b;
            out[l + 2] = c;
            out[l + 3] = d;
        }
        for (; l < count; l++) {
            out[l] = dot(rows[l], x, n);
        }
    }

    /** Σ_{r<n} x_r y_r with eight independent partial sums of fused multiply-adds. */
    public static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int r = 0;
        for (; r + 7 < n; r += 8) {
            s0 = Math.fma(x[r], y[r], s0);
            s1 = Math.fma(x[r + 1], y[r + 1], s1);
            s2 = Math.fma(x[r + 2], y[r + 2], s2);
            s3 = Math.fma(x[r + 3], y[r + 3], s3);
            s4 = Math.fma(x[r + 4], y[r + 4], s4);
            s5 = Math.fma(x[r + 5], y[r + 5], s5);
            s6 = Math.fma(x[r + 6], y[r + 6], s6);
            s7 = Math.fma(x[r + 7], y[r + 7], s7);
        }
        for (; r < n; r++) {
            s0 = Math.fma(x[r], y[r], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
