package eoslab.measure;

import eoslab.dynamics.StepObserver;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.ShallowState;

/**
 * The largest Euclidean distance between GD's (ε, λ) at step k and the exact gradient flow's (ε, λ) at time t = ηk,
 * over the run (GD and GF on one clock).
 */
public final class FlowGap implements StepObserver<ShallowState> {
    private final ClosedFormFlow flow;
    private final double eta;
    private double max;
    private long argmax;

    /** Compares against the given flow at times ηk. */
    public FlowGap(ClosedFormFlow flow, double eta) {
        this.flow = flow;
        this.eta = eta;
    }

    @Override
    public void start(ShallowState stepper) {
        step(0, stepper);
    }

    @Override
    public void step(long k, ShallowState it) {
        ShallowSnapshot gf = flow.at(eta * k);
        double d = Math.hypot(it.residual() - gf.residual(), it.norm() - gf.norm());
        if (d > max) {
            max = d;
            argmax = k;
        }
    }

    /** The largest distance seen. */
    public double maxDistance() {
        return max;
    }

    /** The step at which it occurred. */
    public long maxStep() {
        return argmax;
    }
}
