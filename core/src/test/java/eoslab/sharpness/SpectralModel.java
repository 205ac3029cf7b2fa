package eoslab.sharpness;

import eoslab.model.Layout;
import eoslab.model.Model;
import java.util.Random;

/**
 * Test model L(θ) = ½θᵀAθ − bᵀθ + (γ/12)Σθᵢ⁴ with A = Q diag(λ) Qᵀ of known spectrum λ, Q = H₁⋯H_r a product of
 * seeded random Householder reflections Hⱼ = I − 2uⱼuⱼᵀ (orthogonal, applied in O(n·r) without forming Q). With γ = 0
 * the Hessian is A everywhere; with γ &gt; 0 it is A + γ·diag(θᵢ²), which depends on θ.
 */
public final class SpectralModel implements Model {
    private final double[] lambda;
    private final double[][] u;
    private final double[] b;
    private final double gamma;
    private final double[] w;

    private SpectralModel(double[] lambda, double[][] u, double[] b, double gamma) {
        this.lambda = lambda;
        this.u = u;
        this.b = b;
        this.gamma = gamma;
        this.w = new double[lambda.length];
    }

    /** The quadratic ½θᵀAθ with the given spectrum, Q from {@code reflections} reflections drawn from {@code seed}. */
    public static SpectralModel quadratic(double[] lambda, int reflections, long seed) {
        int n = lambda.length;
        Random rnd = new Random(seed);
        double[][] u = new double[reflections][n];
        for (double[] uj : u) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                uj[i] = rnd.nextGaussian();
                s += uj[i] * uj[i];
            }
            s = Math.sqrt(s);
            for (int i = 0; i < n; i++) {
                uj[i] /= s;
            }
        }
        return new SpectralModel(lambda.clone(), u, new double[n], 0);
    }

    /** The same A with a linear term −bᵀθ. */
    public SpectralModel withLinear(double[] linear) {
        return new SpectralModel(lambda, u, linear.clone(), gamma);
    }

    /** The same with a quartic term (γ/12)Σθᵢ⁴. */
    public SpectralModel withQuartic(double g) {
        return new SpectralModel(lambda, u, b, g);
    }

    /** The spectrum of A (as given). */
    public double[] spectrum() {
        return lambda.clone();
    }

    /** Writes Qᵀx into out (out may be x). */
    public void applyQt(double[] x, double[] out) {
        if (out != x) {
            System.arraycopy(x, 0, out, 0, x.length);
        }
        for (double[] uj : u) {
            reflect(uj, out);
        }
    }

    /** Writes Qx into out (out may be x). */
    public void applyQ(double[] x, double[] out) {
        if (out != x) {
            System.arraycopy(x, 0, out, 0, x.length);
        }
        for (int j = u.length - 1; j >= 0; j--) {
            reflect(u[j], out);
        }
    }

    private static void reflect(double[] uj, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += uj[i] * x[i];
        }
        s *= 2;
        for (int i = 0; i < x.length; i++) {
            x[i] -= s * uj[i];
        }
    }

    /** The eigenvector of A for λᵢ: Q eᵢ. */
    public double[] eigenvector(int i) {
        double[] e = new double[lambda.length];
        e[i] = 1;
        applyQ(e, e);
        return e;
    }

    /** Writes A x into out (out ≠ x). */
    public void applyA(double[] x, double[] out) {
        applyQt(x, w);
        for (int i = 0; i < w.length; i++) {
            w[i] *= lambda[i];
        }
        applyQ(w, out);
    }

    @Override
    public String family() {
        return "spectral-test";
    }

    @Override
    public int dimension() {
        return lambda.length;
    }

    @Override
    public Layout layout() {
        return Layout.of("theta", lambda.length, 1);
    }

    @Override
    public double loss(double[] theta) {
        applyQt(theta, w);
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += 0.5 * lambda[i] * w[i] * w[i];
        }
        for (int i = 0; i < theta.length; i++) {
            double t2 = theta[i] * theta[i];
            s += -b[i] * theta[i] + gamma / 12 * t2 * t2;
        }
        return s;
    }

    @Override
    public double gradient(double[] theta, double[] grad) {
        applyA(theta, grad);
        double s = 0;
        for (int i = 0; i < theta.length; i++) {
            double t = theta[i];
            s += 0.5 * t * grad[i] - b[i] * t + gamma / 12 * t * t * t * t;
            grad[i] += -b[i] + gamma / 3 * t * t * t;
        }
        return s;
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] hv) {
        applyA(v, hv);
        if (gamma != 0) {
            for (int i = 0; i < v.length; i++) {
                hv[i] += gamma * theta[i] * theta[i] * v[i];
            }
        }
    }

    /** −½bᵀA⁻¹b for γ = 0 and A positive definite; −∞ when A has a negative eigenvalue; NaN with a quartic term. */
    @Override
    public double minimumLoss() {
        if (gamma != 0) {
            return Double.NaN;
        }
        for (double l : lambda) {
            if (l < 0) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        double[] qb = new double[b.length];
        applyQt(b, qb);
        double s = 0;
        for (int i = 0; i < qb.length; i++) {
            s -= 0.5 * qb[i] * qb[i] / lambda[i];
        }
        return s;
    }

    /** θ* = A⁻¹b (γ = 0, A nonsingular). */
    public double[] minimizer() {
        double[] x = new double[b.length];
        applyQt(b, x);
        for (int i = 0; i < x.length; i++) {
            x[i] /= lambda[i];
        }
        applyQ(x, x);
        return x;
    }

    @Override
    public Model copy() {
        return new SpectralModel(lambda, u, b, gamma);
    }
}
