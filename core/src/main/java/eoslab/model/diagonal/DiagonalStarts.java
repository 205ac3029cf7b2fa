package eoslab.model.diagonal;

import java.util.Random;

/** Starting points θ = (u, v) for {@link DiagonalModel}. */
public final class DiagonalStarts {
    private DiagonalStarts() {
    }

    /**
     * The usual scale-α start u = v = α·1: output β = 0, imbalance p·α²; small α is the "rich" regime, large α the
     * "kernel" regime (Woodworth et al. 2020).
     */
    public static double[] uniform(int p, double alpha) {
        if (p < 1) {
            throw new IllegalArgumentException("p must be ≥ 1");
        }
        double[] theta = new double[2 * p];
        java.util.Arrays.fill(theta, alpha);
        return theta;
    }

    /** u_i, v_i ~ scale·N(0, 1) from {@code java.util.Random(seed)}: all of u, then all of v. */
    public static double[] gaussian(int p, double scale, long seed) {
        if (p < 1) {
            throw new IllegalArgumentException("p must be ≥ 1");
        }
        Random rnd = new Random(seed);
        double[] theta = new double[2 * p];
        for (int i = 0; i < 2 * p; i++) {
            theta[i] = scale * rnd.nextGaussian();
        }
        return theta;
    }

    /** θ = (u, v) as given. */
    public static double[] explicit(double[] u, double[] v) {
        if (u.length != v.length || u.length < 1) {
            throw new IllegalArgumentException("u and v need the same length ≥ 1");
        }
        double[] theta = new double[2 * u.length];
        System.arraycopy(u, 0, theta, 0, u.length);
        System.arraycopy(v, 0, theta, u.length, v.length);
        return theta;
    }

    /** A balanced point (u⊙v = 0) with output β: u = √max(β, 0), v = √max(−β, 0). */
    public static double[] fromBeta(double[] beta) {
        double[] u = new double[beta.length];
        double[] v = new double[beta.length];
        for (int i = 0; i < beta.length; i++) {
            u[i] = Math.sqrt(Math.max(beta[i], 0));
            v[i] = Math.sqrt(Math.max(-beta[i], 0));
        }
        return explicit(u, v);
    }
}
