package eoslab.dynamics.shallow;

import eoslab.dynamics.generic.VectorStepper;
import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * Any method with any schedule on the actual vectors a, b of the shallow model: the generic {@link VectorStepper}
 * (the method's own {@link Method#advance} on θ = [a; b], the same code every model runs) seen as a
 * {@link eoslab.model.shallow.ShallowState}. After each accepted step the invariants are recomputed from the
 * vectors, U = Σ(aᵢ + bᵢ)² and V = Σ(aᵢ − bᵢ)² (m = (U − V)/4, λ = (U + V)/2, Q = √(UV)), as {@link VectorGd} does:
 * the check of the reduced momentum engines. Allocates nothing per step.
 */
public final class VectorMethod extends ShallowEngine {
    private final VectorStepper stepper;
    private final int d;
    private final double[] theta;
    private double u;
    private double v;

    private VectorMethod(ShallowModel model, Method method, VectorPoint initial) {
        super(model, method, initial);
        this.stepper = new VectorStepper(model, method, ShallowModel.theta(initial));
        this.d = initial.width();
        this.theta = new double[2 * d];
        measure();
    }

    /** The method on the given model from the given vectors (copied). */
    public static VectorMethod from(ShallowModel model, Method method, VectorPoint initial) {
        return new VectorMethod(model, method, initial);
    }

    private void measure() {
        stepper.theta(theta);
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
        if (!stepper.step()) {
            return false;
        }
        measure();
        return true;
    }

    @Override
    public VectorPoint point() {
        return model.point(theta);
    }

    @Override
    public double product() {
        return 0.25 * (u - v);
    }

    @Override
    public double norm() {
        return 0.5 * (u + v);
    }

    @Override
    public double imbalance() {
        return Math.sqrt(u * v);
    }

    @Override
    public double residual() {
        return product() - phi;
    }
}
