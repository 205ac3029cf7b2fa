package eoslab.sharpness;

import eoslab.model.Layout;
import eoslab.model.Model;

/**
 * Test-only shallow model L(a, b) = ½(aᵀb − Φ)², θ = [a; b]: gradient (εb, εa), Hessian
 * [[b bᵀ, εI + b aᵀ], [εI + a bᵀ, a aᵀ]] with ε = aᵀb − Φ, so ∇²L·[u; w] = [c b + ε w; c a + ε u] with
 * c = bᵀu + aᵀw. Conserved by gradient flow: Q = ‖a+b‖·‖a−b‖ and ‖a‖² − ‖b‖².
 */
public final class ShallowTestModel implements Model {
    private final int d;
    private final double phi;

    /** Width d, target Φ. */
    public ShallowTestModel(int d, double phi) {
        this.d = d;
        this.phi = phi;
    }

    /** θ = [a; b]. */
    public static double[] theta(double[] a, double[] b) {
        double[] t = new double[2 * a.length];
        System.arraycopy(a, 0, t, 0, a.length);
        System.arraycopy(b, 0, t, a.length, b.length);
        return t;
    }

    public int width() {
        return d;
    }

    public double phi() {
        return phi;
    }

    /** m = aᵀb. */
    public double product(double[] t) {
        double m = 0;
        for (int i = 0; i < d; i++) {
            m += t[i] * t[d + i];
        }
        return m;
    }

    /** λ = ‖a‖² + ‖b‖². */
    public double norm(double[] t) {
        double s = 0;
        for (double x : t) {
            s += x * x;
        }
        return s;
    }

    /** Q = ‖a+b‖·‖a−b‖. */
    public double imbalance(double[] t) {
        double u = 0;
        double v = 0;
        for (int i = 0; i < d; i++) {
            double s = t[i] + t[d + i];
            double r = t[i] - t[d + i];
            u += s * s;
            v += r * r;
        }
        return Math.sqrt(u) * Math.sqrt(v);
    }

    /** The closed-form sharpness S = ½[λ + √(λ² + 4ε(ε + 2m))] (model.md §4). */
    public double closedFormSharpness(double[] t) {
        double m = product(t);
        double eps = m - phi;
        double lam = norm(t);
        return 0.5 * (lam + Math.sqrt(lam * lam + 4 * eps * (eps + 2 * m)));
    }

    /** The GF-solution sharpness √(4Φ² + Q₀²) (model.md §5). */
    public double gfSharpness(double[] t) {
        double q = imbalance(t);
        return Math.sqrt(4 * phi * phi + q * q);
    }

    @Override
    public String family() {
        return "shallow-test";
    }

    @Override
    public int dimension() {
        return 2 * d;
    }

    @Override
    public Layout layout() {
        return Layout.of("a", d, 1, "b", d, 1);
    }

    @Override
    public double loss(double[] t) {
        double eps = product(t) - phi;
        return 0.5 * eps * eps;
    }

    @Override
    public double gradient(double[] t, double[] grad) {
        double eps = product(t) - phi;
        for (int i = 0; i < d; i++) {
            grad[i] = eps * t[d + i];
            grad[d + i] = eps * t[i];
        }
        return 0.5 * eps * eps;
    }

    @Override
    public void hessianVector(double[] t, double[] v, double[] hv) {
        double eps = product(t) - phi;
        double c = 0;
        for (int i = 0; i < d; i++) {
            c += t[d + i] * v[i] + t[i] * v[d + i];
        }
        for (int i = 0; i < d; i++) {
            hv[i] = c * t[d + i] + eps * v[d + i];
            hv[d + i] = c * t[i] + eps * v[i];
        }
    }

    @Override
    public double minimumLoss() {
        return 0;
    }

    @Override
    public int conservedDimension() {
        return 2;
    }

    @Override
    public void conserved(double[] t, double[] out) {
        out[0] = imbalance(t);
        double diff = 0;
        for (int i = 0; i < d; i++) {
            diff += t[i] * t[i] - t[d + i] * t[d + i];
        }
        out[1] = diff;
    }

    @Override
    public Model copy() {
        return new ShallowTestModel(d, phi);
    }
}
