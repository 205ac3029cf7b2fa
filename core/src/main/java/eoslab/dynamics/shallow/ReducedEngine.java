package eoslab.dynamics.shallow;

import eoslab.method.Method;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/**
 * What the exact reduced engines share (docs/model.md §3): the signed coordinates p = ‖a + b‖, q = ‖a − b‖ of the
 * current point with its residual ε = (p² − q²)/4 − Φ, the quantities that follow from them, and the vectors
 * recovered from the fixed directions of the initial point.
 */
abstract class ReducedEngine extends ShallowEngine {
    private final VectorPoint initial;
    final double p0;
    final double q0;
    double p;
    double q;
    double eps;

    ReducedEngine(ShallowModel model, Method method, VectorPoint initial, ReducedPoint start) {
        super(model, method, initial);
        this.initial = initial;
        this.p0 = start.p();
        this.q0 = start.q();
        this.p = p0;
        this.q = q0;
        this.eps = residualOf(p, q);
    }

    /** ε = (p² − q²)/4 − Φ at (pp, qq). */
    final double residualOf(double pp, double qq) {
        return 0.25 * (pp * pp - qq * qq) - phi;
    }

    /** The signed reduced coordinates of the current point. */
    public final ReducedPoint reduced() {
        return new ReducedPoint(p, q);
    }

    @Override
    public final VectorPoint point() {
        return initial.scaleSumAndDifference(p0 == 0 ? 0 : p / p0, q0 == 0 ? 0 : q / q0);
    }

    @Override
    public final double product() {
        return 0.25 * (p * p - q * q);
    }

    @Override
    public final double norm() {
        return 0.5 * (p * p + q * q);
    }

    @Override
    public final double imbalance() {
        return Math.abs(p * q);
    }

    @Override
    public final double residual() {
        return eps;
    }
}
