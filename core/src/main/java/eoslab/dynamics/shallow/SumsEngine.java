package eoslab.dynamics.shallow;

import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * What the full-vector engines share: the sums U = ‖a + b‖² and V = ‖a − b‖² of the current vectors, kept by each
 * step, and the quantities that follow from them (docs/model.md §3): aᵀb = (U − V)/4, λ = (U + V)/2, Q = √(UV).
 */
abstract class SumsEngine extends ShallowEngine {
    /** ‖a + b‖² of the current vectors. */
    double u;
    /** ‖a − b‖² of the current vectors. */
    double v;

    SumsEngine(ShallowModel model, Method method, VectorPoint initial) {
        super(model, method, initial);
    }

    @Override
    public final double product() {
        return 0.25 * (u - v);
    }

    @Override
    public final double norm() {
        return 0.5 * (u + v);
    }

    @Override
    public final double imbalance() {
        return Math.sqrt(u * v);
    }

    @Override
    public final double residual() {
        return product() - phi;
    }
}
