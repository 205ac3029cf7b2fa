package eoslab.landscape;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The period-doubling cascade of the balanced map f_c(z) = z(1 + c − z)² ({@link BalancedMap}): the superstable
 * parameters c_n, at which the critical point z_c = (1 + c)/3 has period exactly 2ⁿ, their Feigenbaum ratios and
 * their accumulation point.
 */
public final class Superstable {

    /** Feigenbaum's constant δ = 4.669201609102990…, the limit of the gap ratios. */
    public static final double FEIGENBAUM_DELTA = 4.669201609102990;

    /** The largest n accepted by {@link #parameters}. */
    public static final int MAX_ORDER = 10;

    private static final MathContext DIGITS = new MathContext(40);

    /** Half-width, in ulps, of the decimal refinement bracket around the double root (whose error is below 32 ulps). */
    private static final int POLISH_ULPS = 256;

    private Superstable() {
    }

    /** g_n(c) = f_c^{2ⁿ}(z_c) − z_c with z_c = (1 + c)/3; zero where z_c is periodic with period dividing 2ⁿ. */
    public static double g(int n, double c) {
        BalancedMap map = new BalancedMap(c);
        double zc = map.criticalPoint();
        double z = zc;
        for (long t = 1L << n; t > 0; t--) {
            z = map.apply(z);
        }
        return z - zc;
    }

    /**
     * The superstable parameters c_0 … c_n (c_0 = ½, the superstable fixed point; c_1 = 3/√2 − 1), each the double
     * nearest the exact value. c_1 is bracketed by the 2-cycle's stability window (1, √5 − 1). For k ≥ 2 the
     * Feigenbaum extrapolation c̃ = c_{k−1} + (c_{k−1} − c_{k−2})/δ places the bracket
     * c_{k−1} + [0.8, 1.25]·(c̃ − c_{k−1}) (the true gaps are within 7% of the prediction), which lies strictly
     * between c_{k−1} and the accumulation point, where the only root of g_k is c_k. Bisection on g_k in double
     * precision runs until the bracket is two adjacent doubles (a few ulps from c_k, because g_k is evaluated with
     * rounding); that root is then refined in 40-digit decimal arithmetic and certified to be within half an ulp
     * of c_k.
     *
     * @throws IllegalArgumentException unless 0 ≤ n ≤ {@link #MAX_ORDER}
     */
    public static double[] parameters(int n) {
        if (n < 0 || n > MAX_ORDER) {
            throw new IllegalArgumentException("order must be in 0.." + MAX_ORDER + ": " + n);
        }
        double[] c = new double[n + 1];
        c[0] = 0.5;
        for (int k = 1; k <= n; k++) {
            if (k == 1) {
                c[k] = polish(k, bisect(k, 1.0, BalancedMap.TWO_CYCLE_STABLE_END));
            } else {
                double gap = (c[k - 1] - c[k - 2]) / FEIGENBAUM_DELTA;
                c[k] = polish(k, bisect(k, c[k - 1] + 0.8 * gap, c[k - 1] + 1.25 * gap));
            }
        }
        return c;
    }

    /** The gap ratios δ_k = (c_k − c_{k−1})/(c_{k+1} − c_k) for k = 1 … n − 1, from c_0 … c_n. */
    public static double[] ratios(double[] c) {
        double[] delta = new double[Math.max(0, c.length - 2)];
        for (int k = 1; k < c.length - 1; k++) {
            delta[k - 1] = (c[k] - c[k - 1]) / (c[k + 1] - c[k]);
        }
        return delta;
    }

    /**
     * The accumulation point of the cascade, by geometric (Aitken Δ²) extrapolation of the last three parameters:
     * c_n + (c_n − c_{n−1})/(δ_{n−1} − 1).
     *
     * @throws IllegalArgumentException if fewer than three parameters are given
     */
    public static double accumulation(double[] c) {
        if (c.length < 3) {
            throw new IllegalArgumentException("need at least three parameters");
        }
        int n = c.length - 1;
        double last = c[n] - c[n - 1];
        double before = c[n - 1] - c[n - 2];
        return c[n] + last * last / (before - last);
    }

    private static double bisect(int n, double lo, double hi) {
        double glo = g(n, lo);
        if (glo * g(n, hi) >= 0.0) {
            throw new IllegalStateException("no sign change of g_" + n + " on [" + lo + ", " + hi + "]");
        }
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                return Math.abs(g(n, lo)) <= Math.abs(g(n, hi)) ? lo : hi;
            }
            double gm = g(n, mid);
            if (gm == 0.0) {
                return mid;
            }
            if ((gm < 0.0) == (glo < 0.0)) {
                lo = mid;
                glo = gm;
            } else {
                hi = mid;
            }
        }
    }

    /**
     * The double nearest the root of g_n near a double-precision root: one secant step on the 40-digit g_n across
     * root ± 256 ulps (g_n is linear there far below an ulp), certified by a sign change across the result ± ½ ulp.
     */
    private static double polish(int n, double root) {
        BigDecimal center = new BigDecimal(root);
        BigDecimal width = new BigDecimal(Math.ulp(root) * POLISH_ULPS);
        BigDecimal lo = center.subtract(width);
        BigDecimal hi = center.add(width);
        BigDecimal glo = decimalG(n, lo);
        BigDecimal ghi = decimalG(n, hi);
        if (glo.signum() * ghi.signum() >= 0) {
            throw new IllegalStateException("decimal g_" + n + " has no sign change around " + root);
        }
        double result = lo.subtract(glo.multiply(hi.subtract(lo)).divide(ghi.subtract(glo), DIGITS)).doubleValue();
        BigDecimal halfUlp = new BigDecimal(0.5 * Math.ulp(result));
        BigDecimal exact = new BigDecimal(result);
        if (decimalG(n, exact.subtract(halfUlp)).signum() * decimalG(n, exact.add(halfUlp)).signum() > 0) {
            throw new IllegalStateException("could not certify the root of g_" + n + " near " + root);
        }
        return result;
    }

    private static BigDecimal decimalG(int n, BigDecimal c) {
        BigDecimal s = BigDecimal.ONE.add(c);
        BigDecimal zc = s.divide(BigDecimal.valueOf(3), DIGITS);
        BigDecimal z = zc;
        for (long t = 1L << n; t > 0; t--) {
            BigDecimal u = s.subtract(z, DIGITS);
            z = z.multiply(u, DIGITS).multiply(u, DIGITS);
        }
        return z.subtract(zc, DIGITS);
    }
}
