package eoslab.dynamics.shallow;

import eoslab.method.Method;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/** What every engine of the shallow model holds: its model, its method and Φ. */
abstract class ShallowEngine implements ShallowStepper {
    /** The model. */
    final ShallowModel model;
    /** The method. */
    final Method method;
    /** Φ, read in every step. */
    final double phi;

    /**
     * Checks that the start has the model's width.
     *
     * @throws IllegalArgumentException otherwise
     */
    ShallowEngine(ShallowModel model, Method method, VectorPoint start) {
        if (start.width() != model.width()) {
            throw new IllegalArgumentException("the start has width " + start.width() + ", the model "
                    + model.width());
        }
        this.model = model;
        this.method = method;
        this.phi = model.phi();
    }

    /**
     * The step η of gradient descent with a constant step, which the plain engines require.
     *
     * @throws IllegalArgumentException for another method or a varying step
     */
    static double constantGdStep(Method method) {
        if (!Engines.isPlainGd(method)) {
            throw new IllegalArgumentException("this engine runs gradient descent with a constant step (or momentum "
                    + "β = 0), not " + method.name() + " with schedule " + method.schedule().label());
        }
        return method.schedule().nominal();
    }

    /**
     * True from step 0 for most schedules; for a warm-up of K steps only from step K, and only on a minimum the step
     * holds: sharpness at most the method's stability edge 2κ/η_k (an iterate that met the tolerance on a minimum of
     * a smaller step has not reached the limit of the target step).
     */
    @Override
    public final boolean mayStop(long k) {
        long from = method.schedule().convergenceFrom();
        return from == 0 || k >= from && sharpness() <= method.stabilityEdge(k);
    }

    @Override
    public final ShallowModel model() {
        return model;
    }

    @Override
    public final Method method() {
        return method;
    }

    @Override
    public final double phi() {
        return phi;
    }
}
