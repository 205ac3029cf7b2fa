package eoslab.measure;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.StepObserver;
import eoslab.method.Method;
import eoslab.model.Model;
import eoslab.model.State;
import eoslab.sharpness.Sharpness;
import eoslab.sharpness.SharpnessEstimator;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The top Hessian eigenvalues along a run of any model, sampled at step 0, every k-th step (k = 0: none in between)
 * and the last step, by one estimator (a warm-started Lanczos estimator reuses its previous eigenvectors from sample to
 * sample). Records the first and last estimates, the largest sharpness and the first sampled step at which the
 * sharpness exceeds the method's stability edge (2/η for gradient descent). Between samples a step costs one modulo
 * and allocates nothing; at a sample it copies θ into its own buffer and runs the estimator on its own model instance.
 */
public final class SharpnessTrack implements StepObserver<State> {
    private final ThetaSource source;
    private final Model model;
    private final SharpnessEstimator estimator;
    private final Method method;
    private final long every;
    private final double[] theta;
    private final boolean keepSeries;
    private Sharpness initial;
    private Sharpness last;
    private long lastStep = -1;
    private double max = Double.NEGATIVE_INFINITY;
    private long maxStep = -1;
    private long firstAboveEdge = -1;
    private long samples;
    private long hvps;
    private long[] seriesSteps = new long[0];
    private double[] seriesValues = new double[0];
    private int seriesLength;

    /**
     * @param source     the live parameters
     * @param model      a model instance for the estimator only (not the stepper's, whose cache it would disturb)
     * @param estimator  the estimator (used by this track only)
     * @param method     the method, for its stability edge
     * @param every      sample every k-th step (0: only the first and the last)
     * @param keepSeries keep every sampled (step, sharpness) pair ({@link #series})
     */
    public SharpnessTrack(ThetaSource source, Model model, SharpnessEstimator estimator, Method method, long every,
                          boolean keepSeries) {
        if (every < 0) {
            throw new IllegalArgumentException("every must be non-negative, got " + every);
        }
        this.source = source;
        this.model = model;
        this.estimator = estimator;
        this.method = method;
        this.every = every;
        this.theta = new double[model.dimension()];
        this.keepSeries = keepSeries;
    }

    @Override
    public void start(State state) {
        sample(0);
    }

    @Override
    public void step(long k, State state) {
        if (every > 0 && k % every == 0) {
            sample(k);
        }
    }

    @Override
    public void finish(long k, State state, Outcome outcome) {
        if (lastStep != k) {
            sample(k);
        }
    }

    private void sample(long k) {
        source.theta(theta);
        Sharpness s = estimator.estimate(model, theta);
        if (initial == null) {
            initial = s;
        }
        last = s;
        lastStep = k;
        samples++;
        hvps += s.hvps();
        if (s.value() > max) {
            max = s.value();
            maxStep = k;
        }
        if (firstAboveEdge < 0 && s.value() > method.stabilityEdge(k)) {
            firstAboveEdge = k;
        }
        if (keepSeries) {
            if (seriesLength == seriesSteps.length) {
                int cap = Math.max(16, 2 * seriesLength);
                seriesSteps = Arrays.copyOf(seriesSteps, cap);
                seriesValues = Arrays.copyOf(seriesValues, cap);
            }
            seriesSteps[seriesLength] = k;
            seriesValues[seriesLength++] = s.value();
        }
    }

    /** The estimate at step 0. */
    public Sharpness initial() {
        return initial;
    }

    /** The estimate at the last step. */
    public Sharpness last() {
        return last;
    }

    /** The step of the latest estimate (−1 before the first). */
    public long lastStep() {
        return lastStep;
    }

    /** The largest sampled sharpness. */
    public double max() {
        return max;
    }

    /** The step of the largest sampled sharpness. */
    public long maxStep() {
        return maxStep;
    }

    /** The first sampled step whose sharpness exceeds the stability edge, if any. */
    public OptionalLong firstStepAboveEdge() {
        return firstAboveEdge < 0 ? OptionalLong.empty() : OptionalLong.of(firstAboveEdge);
    }

    /** Number of estimates made. */
    public long samples() {
        return samples;
    }

    /** Hessian-vector products used by all estimates. */
    public long hvps() {
        return hvps;
    }

    /** The sampling interval (0: first and last only). */
    public long every() {
        return every;
    }

    /** The sampled steps and sharpness values, in order (empty unless kept). */
    public double[][] series() {
        double[][] out = new double[2][seriesLength];
        for (int i = 0; i < seriesLength; i++) {
            out[0][i] = seriesSteps[i];
            out[1][i] = seriesValues[i];
        }
        return out;
    }

    /** The sampled sharpness at step k, or NaN when step k was not sampled (needs the kept series). */
    public double valueAt(long k) {
        int i = Arrays.binarySearch(seriesSteps, 0, seriesLength, k);
        return i >= 0 ? seriesValues[i] : Double.NaN;
    }
}
