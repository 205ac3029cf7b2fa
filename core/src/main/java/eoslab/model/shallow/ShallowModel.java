package eoslab.model.shallow;

import eoslab.model.Layout;
import eoslab.model.Model;
import java.util.Arrays;

/**
 * The shallow model L(a, b) = ½(aᵀb − Φ)² of width d (docs/model.md §1) as a {@link Model} over θ = [a; b]: exact
 * gradient (εb, εa) and Hessian-vector product from ∇²L = [[bbᵀ, εI + baᵀ], [εI + abᵀ, aaᵀ]] (§4). Its exact
 * engines (the reduced map, the fused vector pass, the decimal recursion, the lane kernel) are chosen for it by the
 * engine factory. Stateless and immutable, so {@link #copy()} returns itself.
 */
public final class ShallowModel implements Model {
    private final double phi;
    private final int width;

    private ShallowModel(double phi, int width) {
        if (!Double.isFinite(phi)) {
            throw new IllegalArgumentException("phi must be finite, got " + phi);
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        this.phi = phi;
        this.width = width;
    }

    /** The model with target Φ and width d. */
    public static ShallowModel of(double phi, int width) {
        return new ShallowModel(phi, width);
    }

    /** The target Φ. */
    public double phi() {
        return phi;
    }

    /** The width d. */
    public int width() {
        return width;
    }

    @Override
    public String family() {
        return "shallow";
    }

    @Override
    public int dimension() {
        return 2 * width;
    }

    @Override
    public Layout layout() {
        return Layout.of("a", width, 1, "b", width, 1);
    }

    private double residual(double[] theta) {
        double m = 0;
        for (int i = 0; i < width; i++) {
            m += theta[i] * theta[width + i];
        }
        return m - phi;
    }

    @Override
    public double loss(double[] theta) {
        return Quantities.loss(residual(theta));
    }

    @Override
    public double gradient(double[] theta, double[] grad) {
        double eps = residual(theta);
        for (int i = 0; i < width; i++) {
            grad[i] = eps * theta[width + i];
            grad[width + i] = eps * theta[i];
        }
        return Quantities.loss(eps);
    }

    @Override
    public void hessianVector(double[] theta, double[] v, double[] hv) {
        double eps = residual(theta);
        double c = 0;
        for (int i = 0; i < width; i++) {
            c += theta[width + i] * v[i] + theta[i] * v[width + i];
        }
        for (int i = 0; i < width; i++) {
            hv[i] = theta[width + i] * c + eps * v[width + i];
            hv[width + i] = theta[i] * c + eps * v[i];
        }
    }

    @Override
    public double minimumLoss() {
        return 0.0;
    }

    /** ‖a‖² − ‖b‖² and the Gram determinant ‖a‖²‖b‖² − (aᵀb)², both conserved by gradient flow (§5). */
    @Override
    public int conservedDimension() {
        return 2;
    }

    @Override
    public void conserved(double[] theta, double[] out) {
        double aa = 0;
        double bb = 0;
        double ab = 0;
        for (int i = 0; i < width; i++) {
            aa += theta[i] * theta[i];
            bb += theta[width + i] * theta[width + i];
            ab += theta[i] * theta[width + i];
        }
        out[0] = aa - bb;
        out[1] = aa * bb - ab * ab;
    }

    @Override
    public ShallowModel copy() {
        return this;
    }

    /** The point (a, b) of a parameter vector θ = [a; b] (copied). */
    public VectorPoint point(double[] theta) {
        return VectorPoint.of(Arrays.copyOfRange(theta, 0, width),
                Arrays.copyOfRange(theta, width, 2 * width));
    }

    /** The parameter vector θ = [a; b] of a point. */
    public static double[] theta(VectorPoint point) {
        int d = point.width();
        double[] t = new double[2 * d];
        for (int i = 0; i < d; i++) {
            t[i] = point.a(i);
            t[d + i] = point.b(i);
        }
        return t;
    }
}
