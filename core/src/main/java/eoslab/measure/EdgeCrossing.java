package eoslab.measure;

import eoslab.dynamics.GdStepper;
import eoslab.dynamics.Iterate;
import eoslab.dynamics.StepObserver;
import java.util.OptionalLong;

/** Records the first step at which the sharpness exceeds 2/η (the edge of stability), step 0 included. */
public final class EdgeCrossing implements StepObserver {
    private final double threshold;
    private long first = -1;

    /** An observer for step size η. */
    public EdgeCrossing(double eta) {
        this.threshold = 2.0 / eta;
    }

    @Override
    public void start(GdStepper stepper) {
        step(0, stepper);
    }

    @Override
    public void step(long k, Iterate it) {
        if (first < 0 && it.sharpness() > threshold) {
            first = k;
        }
    }

    /** The first step with S &gt; 2/η, if any. */
    public OptionalLong firstStep() {
        return first < 0 ? OptionalLong.empty() : OptionalLong.of(first);
    }
}
