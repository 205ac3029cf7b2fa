package eoslab.measure;

import eoslab.dynamics.Outcome;
import eoslab.dynamics.StepObserver;
import eoslab.gradientflow.GfsSharpness;
import eoslab.model.State;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * The GF-solution sharpness (Kreisler et al. 2023) along a run: the sharpness where gradient flow started from the
 * iterate reaches the loss tolerance, at every k-th step and the last one unless the run diverged (the value at step 0
 * is given). It counts
 * the sampled steps at which it increased beyond what the numerics can resolve: S_k &gt; S_prev + e_prev + e_k +
 * {@link #RELATIVE_SLACK}·|S_prev| (e: the estimates' error bars; the slack covers the flow's truncation at the
 * tolerance and its integration error). Nothing is allocated between samples (the sampling rule is a predicate on the
 * step).
 */
public final class GfsTrack implements StepObserver<State> {
    /** Relative increase below which a rise of the GF-solution sharpness is not counted. */
    public static final double RELATIVE_SLACK = 1e-8;

    /** The GF-solution sharpness at a point. */
    @FunctionalInterface
    public interface Function {
        /**
         * @param theta the point (not modified, not kept)
         * @return its GF-solution sharpness, or null when the flow did not reach the tolerance in its time limit
         */
        GfsSharpness at(double[] theta);
    }

    private final ThetaSource source;
    private final Function gfs;
    private final LongPredicate sampled;
    private final double[] theta;
    private final boolean keepSeries;
    private final GfsSharpness initial;
    private GfsSharpness last;
    private GfsSharpness previous;
    private long lastStep;
    private long samples;
    private long increases;
    private long unresolved;
    private double maxIncrease;
    private double largestRise = Double.NEGATIVE_INFINITY;
    private long maxIncreaseStep = -1;
    private long[] seriesSteps = new long[0];
    private double[] seriesValues = new double[0];
    private int seriesLength;

    /**
     * @param source     the live parameters
     * @param gfs        how the GF-solution sharpness is computed (on its own model instance)
     * @param initial    its value at step 0 (already computed), or null when it could not be
     * @param every      sample every k-th step (≥ 1)
     * @param dimension  dim θ
     * @param keepSeries keep every sampled (step, value) pair
     */
    public GfsTrack(ThetaSource source, Function gfs, GfsSharpness initial, long every, int dimension,
                    boolean keepSeries) {
        this(source, gfs, initial, every(every), dimension, keepSeries);
    }

    /**
     * @param source     the live parameters
     * @param gfs        how the GF-solution sharpness is computed (on its own model instance)
     * @param initial    its value at step 0 (already computed), or null when it could not be
     * @param sampled    the steps k ≥ 1 to sample (the last step is always sampled)
     * @param dimension  dim θ
     * @param keepSeries keep every sampled (step, value) pair
     */
    public GfsTrack(ThetaSource source, Function gfs, GfsSharpness initial, LongPredicate sampled, int dimension,
                    boolean keepSeries) {
        this.source = source;
        this.gfs = gfs;
        this.initial = initial;
        this.sampled = sampled;
        this.theta = new double[dimension];
        this.keepSeries = keepSeries;
        this.last = initial;
        this.previous = initial;
        if (initial == null) {
            unresolved = 1;
        }
        record(0, initial);
    }

    private static LongPredicate every(long every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1, got " + every);
        }
        return k -> k % every == 0;
    }

    /**
     * Every step up to 10, every 10th up to 100, every 100th up to 1000, and so on up to {@code until}: 10 samples per
     * decade of steps, dense where GD moves most (the last step is sampled anyway).
     */
    public static LongPredicate logarithmic(long until) {
        return k -> {
            if (k > until) {
                return false;
            }
            long stride = 1;
            while (k > 10 * stride) {
                stride *= 10;
            }
            return k % stride == 0;
        };
    }

    @Override
    public void step(long k, State state) {
        if (sampled.test(k)) {
            sample(k);
        }
    }

    /** Samples the last step too, unless the run diverged (a flow from a divergent iterate says nothing). */
    @Override
    public void finish(long k, State state, Outcome outcome) {
        if (lastStep != k && outcome != Outcome.DIVERGED) {
            sample(k);
        }
    }

    private void sample(long k) {
        source.theta(theta);
        GfsSharpness g = gfs.at(theta);
        samples++;
        lastStep = k;
        last = g;
        record(k, g);
        if (g == null) {
            unresolved++;
            return;
        }
        if (previous != null) {
            double rise = g.value() - previous.value();
            largestRise = Math.max(largestRise, rise / Math.max(Math.abs(previous.value()), Double.MIN_NORMAL));
            double slack = g.errorBound() + previous.errorBound() + RELATIVE_SLACK * Math.abs(previous.value());
            if (rise > slack) {
                increases++;
                double rel = rise / Math.max(Math.abs(previous.value()), Double.MIN_NORMAL);
                if (rel > maxIncrease) {
                    maxIncrease = rel;
                    maxIncreaseStep = k;
                }
            }
        }
        previous = g;
    }

    private void record(long k, GfsSharpness g) {
        if (!keepSeries) {
            return;
        }
        if (seriesLength == seriesSteps.length) {
            int cap = Math.max(16, 2 * seriesLength);
            seriesSteps = Arrays.copyOf(seriesSteps, cap);
            seriesValues = Arrays.copyOf(seriesValues, cap);
        }
        seriesSteps[seriesLength] = k;
        seriesValues[seriesLength++] = g == null ? Double.NaN : g.value();
    }

    /** The value at step 0 (null when not resolved). */
    public GfsSharpness initial() {
        return initial;
    }

    /** The value at the last sampled step (null when not resolved). */
    public GfsSharpness last() {
        return last;
    }

    /** Number of samples after step 0. */
    public long samples() {
        return samples;
    }

    /** Sampled steps at which the value rose beyond the slack. */
    public long increases() {
        return increases;
    }

    /** Samples whose flow did not reach the tolerance (no value). */
    public long unresolved() {
        return unresolved;
    }

    /** The largest relative rise counted (0 when none). */
    public double maxIncrease() {
        return maxIncrease;
    }

    /**
     * The largest relative change (S_k − S_prev)/|S_prev| between consecutive resolved samples, counted or not
     * (negative when the value fell at every sample; −∞ with fewer than two resolved samples).
     */
    public double largestRise() {
        return largestRise;
    }

    /** The step of the largest rise, or −1. */
    public long maxIncreaseStep() {
        return maxIncreaseStep;
    }

    /** The value at step k, or NaN when not sampled or not resolved (needs the kept series). */
    public double valueAt(long k) {
        int i = Arrays.binarySearch(seriesSteps, 0, seriesLength, k);
        return i >= 0 ? seriesValues[i] : Double.NaN;
    }

    /** The sampled steps and values (NaN when unresolved), in order (empty unless kept). */
    public double[][] series() {
        double[][] out = new double[2][seriesLength];
        for (int i = 0; i < seriesLength; i++) {
            out[0][i] = seriesSteps[i];
            out[1][i] = seriesValues[i];
        }
        return out;
    }
}
