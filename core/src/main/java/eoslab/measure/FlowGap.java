package eoslab.measure;

import eoslab.dynamics.StepObserver;
import eoslab.method.Clock;
import eoslab.model.shallow.ClosedFormFlow;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.ShallowState;

/**
 * The largest Euclidean distance between GD's (ε, λ) at step k and the exact gradient flow's (ε, λ) at time t = ηk
 * (the method's {@link Clock} in general), over the run (GD and GF on one clock).
 */
public final class FlowGap implements StepObserver<ShallowState> {
    private final ClosedFormFlow flow;
    private final Clock clock;
    private double max;
    private long argmax;

    /** Compares against the given flow at the clock's times (ηk for GD with a constant step). */
    public FlowGap(ClosedFormFlow flow, Clock clock) {
        this.flow = flow;
        this.clock = clock;
    }

    @Override
    public void start(ShallowState stepper) {
        step(0, stepper);
    }

    @Override
    public void step(long k, ShallowState it) {
        ShallowSnapshot gf = flow.at(clock.time(k));
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
