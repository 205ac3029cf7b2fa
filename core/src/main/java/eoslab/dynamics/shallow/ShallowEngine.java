package eoslab.dynamics.shallow;

import eoslab.method.GradientDescent;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;

/** What every engine of the shallow model holds: its model, its method (gradient descent, constant step) and Φ. */
abstract class ShallowEngine implements ShallowStepper {
    /** The model. */
    final ShallowModel model;
    /** The method. */
    final GradientDescent method;
    /** Φ, read in every step. */
    final double phi;
    /** η, read in every step. */
    final double eta;

    /**
     * Checks that the method has a constant step and the start the model's width.
     *
     * @throws IllegalArgumentException otherwise
     */
    ShallowEngine(ShallowModel model, GradientDescent method, VectorPoint start) {
        if (!method.schedule().isConstant()) {
            throw new IllegalArgumentException("this engine needs a constant step size");
        }
        if (start.width() != model.width()) {
            throw new IllegalArgumentException("the start has width " + start.width() + ", the model "
                    + model.width());
        }
        this.model = model;
        this.method = method;
        this.phi = model.phi();
        this.eta = method.schedule().peak();
    }

    @Override
    public final ShallowModel model() {
        return model;
    }

    @Override
    public final GradientDescent method() {
        return method;
    }

    @Override
    public final double phi() {
        return phi;
    }
}
