package eoslab.dynamics.shallow;

import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * Any method with any schedule on the actual vectors θ = [a; b] of the shallow model, through the method's own
 * {@link Method#advance} (the update every model runs, one implementation per method) on the model's exact gradient,
 * with θ₋₁ = θ₀: the check of the reduced momentum engines. After each accepted step the invariants are recomputed
 * from the vectors, U = Σ(aᵢ + bᵢ)² and V = Σ(aᵢ − bᵢ)² (m = (U − V)/4, λ = (U + V)/2, Q = √(UV)), as {@link VectorGd}
 * does. A step whose λ would exceed the divergence bound or overflow is undone from a copy. Allocates nothing per
 * step.
 */
public final class VectorMethod extends SumsEngine {
    private final int d;
    private final double[] theta;
    private final double[] previous;
    private final double[] gradient;
    private final double[] savedTheta;
    private final double[] savedPrevious;
    private long k;

    private VectorMethod(ShallowModel model, Method method, VectorPoint initial) {
        super(model, method, initial);
        this.d = initial.width();
        this.theta = ShallowModel.theta(initial);
        this.previous = theta.clone();
        this.gradient = new double[2 * d];
        this.savedTheta = new double[2 * d];
        this.savedPrevious = new double[2 * d];
        measure();
    }

    /** The method on the given model from the given vectors (copied). */
    public static VectorMethod from(ShallowModel model, Method method, VectorPoint initial) {
        return new VectorMethod(model, method, initial);
    }

    private void measure() {
        double su = 0;
        double sv = 0;
        for (int i = 0; i < d; i++) {
            double s = theta[i] + theta[d + i];
            double r = theta[i] - theta[d + i];
            su = Math.fma(s, s, su);
            sv = Math.fma(r, r, sv);
        }
        u = su;
        v = sv;
    }

    @Override
    public boolean step() {
        System.arraycopy(theta, 0, savedTheta, 0, theta.length);
        System.arraycopy(previous, 0, savedPrevious, 0, theta.length);
        method.advance(k, model, theta, previous, gradient);
        double n = 0;
        for (double x : theta) {
            n += x * x;
        }
        if (!(n <= DIVERGENCE_NORM)) {
            System.arraycopy(savedTheta, 0, theta, 0, theta.length);
            System.arraycopy(savedPrevious, 0, previous, 0, theta.length);
            return false;
        }
        measure();
        k++;
        return true;
    }

    @Override
    public VectorPoint point() {
        return model.point(theta);
    }
}
