package eoslab.measure;

import eoslab.dynamics.StepObserver;
import eoslab.method.Method;
import eoslab.model.shallow.ShallowState;
import java.util.OptionalLong;

/**
 * Records the first step at which the sharpness exceeds the method's stability edge (2/η for gradient descent), step 0
 * included.
 */
public final class EdgeCrossing implements StepObserver<ShallowState> {
    private final Method method;
    private long first = -1;

    /** An observer for the given method. */
    public EdgeCrossing(Method method) {
        this.method = method;
    }

    @Override
    public void start(ShallowState stepper) {
        step(0, stepper);
    }

    @Override
    public void step(long k, ShallowState it) {
        if (first < 0 && it.sharpness() > method.stabilityEdge(k)) {
            first = k;
        }
    }

    /** The first step with S above the edge, if any. */
    public OptionalLong firstStep() {
        return first < 0 ? OptionalLong.empty() : OptionalLong.of(first);
    }
}
