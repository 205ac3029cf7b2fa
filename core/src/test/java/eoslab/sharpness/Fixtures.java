package eoslab.sharpness;

import java.util.Arrays;
import java.util.Random;

/** Seeded spectra, points and small helpers shared by the sharpness and gradient-flow tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** n Gaussian entries of standard deviation sigma. */
    public static double[] gaussian(int n, double sigma, Random rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * rnd.nextGaussian();
        }
        return x;
    }

    /**
     * A spectrum of n values: the given leading values, then n − top.length values uniform in [lo, hi], in random
     * order (so the eigenvectors of the top values are not the first columns of Q).
     */
    public static double[] spectrum(int n, double lo, double hi, Random rnd, double... top) {
        double[] l = new double[n];
        System.arraycopy(top, 0, l, 0, top.length);
        for (int i = top.length; i < n; i++) {
            l[i] = lo + (hi - lo) * rnd.nextDouble();
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            double t = l[i];
            l[i] = l[j];
            l[j] = t;
        }
        return l;
    }

    /** The values in descending order. */
    public static double[] descending(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /** min_j |x − values_j|. */
    public static double distanceToNearest(double x, double[] values) {
        double best = Double.POSITIVE_INFINITY;
        for (double v : values) {
            best = Math.min(best, Math.abs(x - v));
        }
        return best;
    }

    /** ‖x‖₂. */
    public static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** xᵀy. */
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
