package eoslab.gradientflow;

import java.util.Arrays;
import java.util.Objects;

/**
 * What to integrate of a gradient flow θ̇ = −∇L(θ): until L − L* ≤ τ²/2 or a time limit, with Dormand–Prince 8(5,3)
 * tolerances, sampled at given times. Immutable.
 *
 * @param tolerance       τ ≥ 0: the flow has converged when L(θ) − L* ≤ τ²/2 (for a residual loss ½ε², when |ε| ≤ τ);
 *                        0 disables the test (the flow runs to {@code tMax})
 * @param tMax            the time limit (&gt; 0, finite)
 * @param relTol          the integrator's relative tolerance per component (&gt; 0)
 * @param absTol          the integrator's absolute tolerance per component (&gt; 0)
 * @param sampleTimes     times in [0, tMax], non-decreasing, at which the trajectory is sampled from the integrator's
 *                        dense output (times after the flow stopped give no sample)
 * @param stopAtTolerance whether to stop at the tolerance time (otherwise the time is recorded and the flow goes on
 *                        to tMax)
 * @param maxEvaluations  the most gradient evaluations allowed (the integrator fails beyond)
 */
public record GradientFlowSpec(double tolerance, double tMax, double relTol, double absTol, double[] sampleTimes,
                               boolean stopAtTolerance, int maxEvaluations) {
    /** The default relative tolerance, as {@code eoslab flow --method ode}. */
    public static final double DEFAULT_REL_TOL = 1e-13;
    /** The default absolute tolerance, as {@code eoslab flow --method ode}. */
    public static final double DEFAULT_ABS_TOL = 1e-15;
    /** The default evaluation budget. */
    public static final int DEFAULT_MAX_EVALUATIONS = 50_000_000;

    /** Validates and copies. */
    public GradientFlowSpec {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be finite and non-negative, got " + tolerance);
        }
        if (!(tMax > 0) || Double.isInfinite(tMax)) {
            throw new IllegalArgumentException("t-max must be finite and positive, got " + tMax);
        }
        if (!(relTol > 0) || !(absTol > 0) || Double.isInfinite(relTol) || Double.isInfinite(absTol)) {
            throw new IllegalArgumentException("ODE tolerances must be finite and positive");
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("maxEvaluations must be positive, got " + maxEvaluations);
        }
        Objects.requireNonNull(sampleTimes, "sampleTimes");
        sampleTimes = sampleTimes.clone();
        for (int i = 0; i < sampleTimes.length; i++) {
            double t = sampleTimes[i];
            if (!(t >= 0 && t <= tMax)) {
                throw new IllegalArgumentException("sample time " + t + " is outside [0, " + tMax + "]");
            }
            if (i > 0 && t < sampleTimes[i - 1]) {
                throw new IllegalArgumentException("sample times must be non-decreasing");
            }
        }
    }

    /** Integrate until L − L* ≤ τ²/2 (then stop) or tMax, default ODE tolerances, no samples. */
    public static GradientFlowSpec toTolerance(double tolerance, double tMax) {
        return new GradientFlowSpec(tolerance, tMax, DEFAULT_REL_TOL, DEFAULT_ABS_TOL, new double[0], true,
                DEFAULT_MAX_EVALUATIONS);
    }

    /** Integrate to tMax with no convergence test, default ODE tolerances, no samples. */
    public static GradientFlowSpec toTime(double tMax) {
        return toTolerance(0, tMax);
    }

    /** The same spec sampled at the given times. */
    public GradientFlowSpec withSamples(double... times) {
        return new GradientFlowSpec(tolerance, tMax, relTol, absTol, times, stopAtTolerance, maxEvaluations);
    }

    /** The same spec sampled at count evenly spaced times 0, tMax/(count−1), …, tMax (count ≥ 2). */
    public GradientFlowSpec withUniformSamples(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("at least 2 samples");
        }
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = i == count - 1 ? tMax : tMax * i / (count - 1);
        }
        return withSamples(times);
    }

    /** The same spec with other integrator tolerances. */
    public GradientFlowSpec withOdeTolerances(double rel, double abs) {
        return new GradientFlowSpec(tolerance, tMax, rel, abs, sampleTimes, stopAtTolerance, maxEvaluations);
    }

    /** The same spec, recording the tolerance time but integrating on to tMax. */
    public GradientFlowSpec continuingPastTolerance() {
        return new GradientFlowSpec(tolerance, tMax, relTol, absTol, sampleTimes, false, maxEvaluations);
    }

    /** The same spec, stopping at the tolerance time. */
    public GradientFlowSpec stoppingAtTolerance() {
        return new GradientFlowSpec(tolerance, tMax, relTol, absTol, sampleTimes, true, maxEvaluations);
    }

    /** The same spec with another evaluation budget. */
    public GradientFlowSpec withMaxEvaluations(int max) {
        return new GradientFlowSpec(tolerance, tMax, relTol, absTol, sampleTimes, stopAtTolerance, max);
    }

    /** The loss gap that counts as converged: τ²/2. */
    public double lossGap() {
        return 0.5 * tolerance * tolerance;
    }

    @Override
    public double[] sampleTimes() {
        return sampleTimes.clone();
    }

    int sampleCount() {
        return sampleTimes.length;
    }

    double sampleTime(int i) {
        return sampleTimes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientFlowSpec s && Double.compare(tolerance, s.tolerance) == 0
                && Double.compare(tMax, s.tMax) == 0 && Double.compare(relTol, s.relTol) == 0
                && Double.compare(absTol, s.absTol) == 0 && Arrays.equals(sampleTimes, s.sampleTimes)
                && stopAtTolerance == s.stopAtTolerance && maxEvaluations == s.maxEvaluations;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tolerance, tMax, relTol, absTol, Arrays.hashCode(sampleTimes), stopAtTolerance,
                maxEvaluations);
    }

    @Override
    public String toString() {
        return "GradientFlowSpec[tolerance=" + tolerance + ", tMax=" + tMax + ", relTol=" + relTol + ", absTol="
                + absTol + ", samples=" + sampleTimes.length + ", stopAtTolerance=" + stopAtTolerance
                + ", maxEvaluations=" + maxEvaluations + "]";
    }
}
