package eoslab.dynamics.shallow;

import eoslab.dynamics.Stepper;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;

/** An engine of the shallow model: a {@link Stepper} that is its own live {@link ShallowState}. */
public interface ShallowStepper extends Stepper<ShallowState>, ShallowState {
    @Override
    ShallowModel model();

    /** The width d of the underlying vectors. */
    default int width() {
        return model().width();
    }

    @Override
    default double phi() {
        return model().phi();
    }

    /** The current vectors (a fresh immutable copy). */
    VectorPoint point();

    /** Itself. */
    @Override
    default ShallowState state() {
        return this;
    }

    @Override
    default ShallowState snapshot() {
        return ShallowSnapshot.of(this);
    }

    @Override
    default void theta(double[] out) {
        VectorPoint p = point();
        int d = p.width();
        for (int i = 0; i < d; i++) {
            out[i] = p.a(i);
            out[d + i] = p.b(i);
        }
    }
}
