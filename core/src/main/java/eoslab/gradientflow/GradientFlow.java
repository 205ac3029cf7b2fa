package eoslab.gradientflow;

import eoslab.model.Model;
import eoslab.sharpness.Sharpness;
import eoslab.sharpness.SharpnessEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Gradient flow θ̇ = −∇L(θ) for any {@link Model}, integrated by Hipparchus' Dormand–Prince 8(5,3) with the spec's
 * tolerances; and the GF-solution sharpness.
 *
 * <p>Convergence is the event L(θ) − L* ≤ τ²/2, located by an event detector on g = ln(L − L*) − ln(τ²/2), which
 * decreases through zero once because L decreases along the flow. L − L* is computed as a difference, so for a model
 * with L* ≠ 0 the gap cannot be resolved below about u·|L*| (u = 2⁻⁵³): choose τ² well above that. A model whose L* is
 * not finite (an unbounded quadratic, say) can only be integrated to a time limit (tolerance 0).
 *
 * <p>Each call uses the model instance on the calling thread only; calls on different models are independent.
 */
public final class GradientFlow {
    private GradientFlow() {
    }

    /**
     * Integrates gradient flow from θ₀.
     *
     * @param model  the model
     * @param theta0 the start, length {@code model.dimension()} (not modified)
     * @param spec   tolerance, time limit, ODE tolerances and sample times
     */
    public static GradientFlowResult solve(Model model, double[] theta0, GradientFlowSpec spec) {
        int n = model.dimension();
        if (theta0.length != n) {
            throw new IllegalArgumentException("θ₀ has length " + theta0.length + ", the model dimension is " + n);
        }
        boolean useTolerance = spec.tolerance() > 0;
        double lStar = model.minimumLoss();
        if (useTolerance && !Double.isFinite(lStar)) {
            throw new IllegalArgumentException("the model's minimum loss L* = " + lStar
                    + " is not finite, so L − L* ≤ τ²/2 cannot be tested; use tolerance 0 and a time limit");
        }
        double gap = spec.lossGap();
        Drift drift = new Drift(model, theta0);
        List<GradientFlowResult.Sample> samples = new ArrayList<>(spec.sampleCount());
        double loss0 = model.loss(theta0);
        boolean startsConverged = useTolerance && loss0 - lStar <= gap;
        if (startsConverged && spec.stopAtTolerance()) {
            for (int i = 0; i < spec.sampleCount() && spec.sampleTime(i) == 0; i++) {
                samples.add(new GradientFlowResult.Sample(0, loss0, theta0));
            }
            return new GradientFlowResult(GradientFlowResult.Outcome.TOLERANCE, theta0, 0, loss0, OptionalDouble.of(0),
                    samples, 0, 0, 0);
        }
        GradientFlowOde ode = new GradientFlowOde(model);
        double tMax = spec.tMax();
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(0, tMax, spec.absTol(),
                spec.relTol());
        integrator.setMaxEvaluations(spec.maxEvaluations());
        integrator.addStepHandler(new Sampler(model, spec, samples, drift));
        ToleranceCrossing crossing = new ToleranceCrossing(model, lStar, Math.log(gap), tMax, spec.stopAtTolerance());
        if (useTolerance && !startsConverged) {
            integrator.addEventDetector(crossing);
        }
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, theta0.clone()), tMax);
        double[] theta = end.getPrimaryState();
        double time = end.getTime();
        OptionalDouble hit = startsConverged ? OptionalDouble.of(0) : crossing.time();
        boolean reached = hit.isPresent();
        GradientFlowResult.Outcome outcome = reached && spec.stopAtTolerance()
                ? GradientFlowResult.Outcome.TOLERANCE : GradientFlowResult.Outcome.TIME_LIMIT;
        return new GradientFlowResult(outcome, theta, time, model.loss(theta),
                hit, samples, drift.relative(),
                drift.absolute(), ode.evaluations());
    }

    /**
     * The GF-solution sharpness: integrates gradient flow from θ until L − L* ≤ τ²/2 (stopping there whatever the
     * spec's {@code stopAtTolerance}), then estimates the top Hessian eigenvalue at that point.
     *
     * @param model     the model (finite L*)
     * @param theta     the start (not modified)
     * @param spec      the flow's spec (tolerance &gt; 0)
     * @param estimator the eigensolver used at the end point
     */
    public static GfsSharpness gfsSharpness(Model model, double[] theta, GradientFlowSpec spec,
                                            SharpnessEstimator estimator) {
        if (!(spec.tolerance() > 0)) {
            throw new IllegalArgumentException("the GF-solution sharpness needs a loss tolerance τ > 0");
        }
        GradientFlowResult flow = solve(model, theta, spec.stoppingAtTolerance());
        Sharpness s = estimator.estimate(model, flow.theta());
        double time = flow.timeToTolerance().orElse(flow.time());
        return new GfsSharpness(s.value(), s.errorBound(0), time, flow.reachedTolerance(), s, flow);
    }

    /** Tracks max ‖C(t) − C(0)‖ at step ends. */
    private static final class Drift {
        private final Model model;
        private final double[] c0;
        private final double[] c;
        private final double norm0;
        private double max;

        Drift(Model model, double[] theta0) {
            this.model = model;
            int p = model.conservedDimension();
            this.c0 = new double[p];
            this.c = new double[p];
            if (p > 0) {
                model.conserved(theta0, c0);
            }
            double s = 0;
            for (double x : c0) {
                s += x * x;
            }
            this.norm0 = Math.sqrt(s);
        }

        void observe(double[] theta) {
            if (c.length == 0) {
                return;
            }
            model.conserved(theta, c);
            double s = 0;
            for (int i = 0; i < c.length; i++) {
                double d = c[i] - c0[i];
                s += d * d;
            }
            max = Math.max(max, Math.sqrt(s));
        }

        double absolute() {
            return max;
        }

        double relative() {
            return norm0 > 0 ? max / norm0 : max;
        }
    }

    /** Samples the dense output at the spec's times, each once, and observes the drift at every step end. */
    private static final class Sampler implements ODEStepHandler {
        private final Model model;
        private final GradientFlowSpec spec;
        private final List<GradientFlowResult.Sample> samples;
        private final Drift drift;
        private int next;

        Sampler(Model model, GradientFlowSpec spec, List<GradientFlowResult.Sample> samples, Drift drift) {
            this.model = model;
            this.spec = spec;
            this.samples = samples;
            this.drift = drift;
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            double end = interpolator.getCurrentState().getTime();
            while (next < spec.sampleCount() && spec.sampleTime(next) <= end) {
                double t = spec.sampleTime(next++);
                double[] theta = interpolator.getInterpolatedState(t).getPrimaryState();
                samples.add(new GradientFlowResult.Sample(t, model.loss(theta), theta));
            }
            drift.observe(interpolator.getCurrentState().getPrimaryState());
        }
    }

    /**
     * g = ln(L − L*) − ln(τ²/2), decreasing through zero once; negative (never exactly 0) once L − L* ≤ τ²/2. Near a
     * minimum L − L* takes only multiples of ulp(L*), so g would otherwise vanish on whole intervals when τ²/2 is such
     * a multiple, and the root finder would crawl along that plateau.
     */
    private static final class ToleranceCrossing extends FirstCrossing {
        private final Model model;
        private final double lStar;
        private final double logGap;

        ToleranceCrossing(Model model, double lStar, double logGap, double maxCheck, boolean stop) {
            super(maxCheck, 1e-15 * maxCheck, stop);
            this.model = model;
            this.lStar = lStar;
            this.logGap = logGap;
        }

        @Override
        public double g(ODEStateAndDerivative state) {
            double excess = model.loss(state.getPrimaryState()) - lStar;
            double g = Math.log(Math.max(excess, Double.MIN_VALUE)) - logGap;
            return g == 0 ? -Double.MIN_NORMAL : g;
        }
    }
}
