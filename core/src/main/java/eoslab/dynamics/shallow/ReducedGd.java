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
public final class ReducedGd extends ReducedEngine {
    private final double eta;

    private ReducedGd(ShallowModel model, Method method, VectorPoint initial, ReducedPoint start) {
        super(model, method, initial, start);
        this.eta = constantGdStep(method);
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
}
