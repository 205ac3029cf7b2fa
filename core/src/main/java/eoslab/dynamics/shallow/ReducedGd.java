package eoslab.dynamics.shallow;

import eoslab.method.GradientDescent;
import eoslab.method.Method;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * Exact width-independent GD (docs/model.md §3) on the signed coordinates s = p·ŝ, r = q·r̂:
 * p⁺ = (1 − ηε)p, q⁺ = (1 + ηε)q, ε = (p² − q²)/4 − Φ. Two multiplications per coordinate and step, any width.
 * The vectors are recovered from the fixed directions ŝ, r̂ of the initial point.
 */
public final class ReducedGd extends ShallowEngine {
    private final double eta;
    private final VectorPoint initial;
    private final double p0;
    private final double q0;
    private double p;
    private double q;
    private double eps;

    private ReducedGd(ShallowModel model, Method method, VectorPoint initial, ReducedPoint start) {
        super(model, method, initial);
        this.eta = constantGdStep(method);
        this.initial = initial;
        this.p0 = start.p();
        this.q0 = start.q();
        this.p = p0;
        this.q = q0;
        this.eps = residualOf(p, q);
    }

    /**
     * Gradient descent with a constant step (or momentum with β = 0) on the given model from the given vectors (not
     * modified).
     *
     * @throws IllegalArgumentException for another method, a varying step, or a width that is not the model's
     */
    public static ReducedGd from(ShallowModel model, Method method, VectorPoint initial) {
        return new ReducedGd(model, method, initial, initial.toReduced());
    }

    /** Gradient descent with constant step η on target Φ from the given vectors (not modified). */
    public static ReducedGd from(double phi, double eta, VectorPoint initial) {
        return from(ShallowModel.of(phi, initial.width()), GradientDescent.constant(eta), initial);
    }

    private double residualOf(double pp, double qq) {
        return 0.25 * (pp * pp - qq * qq) - phi;
    }

    @Override
    public boolean step() {
        double h = eta * eps;
        double np = (1.0 - h) * p;
        double nq = (1.0 + h) * q;
        double nNorm = 0.5 * (np * np + nq * nq);
        if (!(nNorm <= DIVERGENCE_NORM)) {
            return false;
        }
        p = np;
        q = nq;
        eps = residualOf(np, nq);
        return true;
    }

    /** The signed reduced coordinates of the current point. */
    public ReducedPoint reduced() {
        return new ReducedPoint(p, q);
    }

    @Override
    public VectorPoint point() {
        return initial.scaleSumAndDifference(p0 == 0 ? 0 : p / p0, q0 == 0 ? 0 : q / q0);
    }

    @Override
    public double product() {
        return 0.25 * (p * p - q * q);
    }

    @Override
    public double norm() {
        return 0.5 * (p * p + q * q);
    }

    @Override
    public double imbalance() {
        return Math.abs(p * q);
    }

    @Override
    public double residual() {
        return eps;
    }
}
