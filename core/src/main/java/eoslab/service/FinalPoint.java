package eoslab.service;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.StepObserver;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;

/** Keeps the vectors (a, b) of the last iterate of a shallow-model run (for {@code --save-theta}). */
public final class FinalPoint implements StepObserver<ShallowState> {
    private VectorPoint point;

    @Override
    public void finish(long k, ShallowState state, Outcome outcome) {
        if (state instanceof ShallowStepper s) {
            point = s.point();
        }
    }

    /** θ = [a; b] of the last iterate. */
    public double[] theta() {
        if (point == null) {
            throw new IllegalStateException("the run has not finished");
        }
        return ShallowModel.theta(point);
    }
}
