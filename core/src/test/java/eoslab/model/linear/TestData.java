package eoslab.model.linear;

import java.util.Random;

/** Small seeded data for the tests. */
final class TestData {
    private TestData() {
    }

    static double[][] gaussian(int rows, int cols, double scale, Random rnd) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = scale * rnd.nextGaussian();
            }
        }
        return m;
    }

    static double[] gaussian(int n, double scale, Random rnd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rnd.nextGaussian();
        }
        return v;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** max |a − b| / max |b|. */
    static double relErr(double[] a, double[] b) {
        return maxAbsDiff(a, b) / maxAbs(b);
    }

    static double relErr(double[][] a, double[][] b) {
        double d = 0;
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, maxAbsDiff(a[i], b[i]));
            s = Math.max(s, maxAbs(b[i]));
        }
        return d / s;
    }

    /** The dense Hessian from Hessian-vector products with the unit vectors. */
    static double[][] hessian(eoslab.model.Model model, double[] theta) {
        int n = model.dimension();
        double[][] h = new double[n][];
        double[] e = new double[n];
        for (int k = 0; k < n; k++) {
            e[k] = 1;
            h[k] = new double[n];
            model.hessianVector(theta, e, h[k]);
            e[k] = 0;
        }
        return h;
    }

    /** Row-major flattening. */
    static double[] flat(double[][] m) {
        int cols = m[0].length;
        double[] out = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }
}
