package eoslab.gradientflow;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The outcome of integrating a gradient flow.
 *
 * <p><b>Conserved-quantity drift.</b> When the model states conserved quantities C(θ) ∈ ℝᵖ
 * ({@code conservedDimension() > 0}), they are evaluated at the start and at the end of every accepted integrator
 * step. {@link #conservedDriftAbsolute()} is max_t ‖C(t) − C(0)‖₂ over those times; {@link #conservedDrift()} is the
 * same divided by ‖C(0)‖₂, the relative drift, except when C(0) = 0 (a balanced start of a homogeneous network, say),
 * where there is no scale to divide by and it equals the absolute drift. Both are 0 for a model with no conserved
 * quantities.
 *
 * @param outcome                 why the integration stopped
 * @param theta                   the final point θ(T) (copied in and out)
 * @param time                    the final time T: tMax, or for {@link Outcome#TOLERANCE} the end of the event
 *                                solver's bracket, a few ulps after {@code timeToTolerance}, where the sign change
 *                                (L − L* ≤ τ²/2) is guaranteed
 * @param loss                    L(θ(T))
 * @param timeToTolerance         the first time L − L* ≤ τ²/2, located by an event detector on
 *                                ln(L − L*) − ln(τ²/2) (0 when the start meets it), empty when not reached or when no
 *                                tolerance was set
 * @param samples                 the trajectory at the requested sample times up to T
 * @param conservedDrift          the relative drift of the conserved quantities (see above)
 * @param conservedDriftAbsolute  max_t ‖C(t) − C(0)‖₂
 * @param gradientEvaluations     gradient evaluations used by the integrator
 */
public record GradientFlowResult(Outcome outcome, double[] theta, double time, double loss,
                                 OptionalDouble timeToTolerance, List<Sample> samples, double conservedDrift,
                                 double conservedDriftAbsolute, long gradientEvaluations) {

    /** Why the integration stopped. */
    public enum Outcome {
        /** L − L* ≤ τ²/2 was reached and the flow stopped there. */
        TOLERANCE,
        /** The time limit was reached (the tolerance may have been reached before, see {@code timeToTolerance}). */
        TIME_LIMIT
    }

    /**
     * One sample of the trajectory.
     *
     * @param time  t
     * @param loss  L(θ(t))
     * @param theta θ(t) (copied in and out)
     */
    public record Sample(double time, double loss, double[] theta) {
        /** Copies θ. */
        public Sample {
            theta = theta.clone();
        }

        @Override
        public double[] theta() {
            return theta.clone();
        }

        /** θ_i(t). */
        public double theta(int i) {
            return theta[i];
        }
    }

    /** Copies. */
    public GradientFlowResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(timeToTolerance, "timeToTolerance");
        theta = theta.clone();
        samples = List.copyOf(samples);
    }

    @Override
    public double[] theta() {
        return theta.clone();
    }

    /** Whether L − L* ≤ τ²/2 was reached. */
    public boolean reachedTolerance() {
        return timeToTolerance.isPresent();
    }
}
