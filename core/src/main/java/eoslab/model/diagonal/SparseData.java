package eoslab.model.diagonal;

import java.util.Random;

/**
 * A generated sparse regression problem: X ∈ ℝ^{n×p} with independent N(0, 1) entries, the planted vector β* with s
 * non-zero entries, β*_j = (−1)^j (1, −1, 1, …) for j &lt; s and 0 for j ≥ s (signs alternate so that both u and v of a
 * diagonal network are needed), and y = Xβ* + noise·N(0, 1). Drawn from {@code java.util.Random(seed)}: all of X
 * row-major, then the n noise values (drawn even when noise = 0, so X does not depend on the noise level).
 *
 * @param x    the inputs, n rows of p entries
 * @param y    the outputs
 * @param beta β*
 */
public record SparseData(double[][] x, double[] y, double[] beta) {

    /** Generates the problem (see the class comment). */
    public static SparseData generate(int n, int p, int s, double noise, long seed) {
        if (n < 1 || p < 1 || s < 0 || s > p) {
            throw new IllegalArgumentException("need n, p ≥ 1 and 0 ≤ s ≤ p, got n = " + n + ", p = " + p + ", s = " + s);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be finite and ≥ 0");
        }
        double[] beta = planted(p, s);
        Random rnd = new Random(seed);
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rnd.nextGaussian();
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double f = 0;
            for (int j = 0; j < s; j++) {
                f += x[i][j] * beta[j];
            }
            y[i] = f + noise * rnd.nextGaussian();
        }
        return new SparseData(x, y, beta);
    }

    /** β* = (1, −1, 1, …) on the first s of p coordinates, 0 elsewhere. */
    public static double[] planted(int p, int s) {
        double[] beta = new double[p];
        for (int j = 0; j < s; j++) {
            beta[j] = j % 2 == 0 ? 1 : -1;
        }
        return beta;
    }
}
