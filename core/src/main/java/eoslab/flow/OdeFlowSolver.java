package eoslab.flow;

import eoslab.gradientflow.FirstCrossing;
import eoslab.model.shallow.Quantities;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.VectorPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * {@link FlowSolver} integrating ȧ = −εb, ḃ = −εa (state y = [a; b], 2d components) with Hipparchus'
 * Dormand–Prince 8(5,3); samples come from its dense output, the tolerance time from an event detector on
 * ln|ε| − ln tol. Independent of the closed form; used to check it.
 */
final class OdeFlowSolver implements FlowSolver {
    /** The step is at most 1/λ_GF, so t-max·λ_GF bounds the number of steps from below; refuse above this. */
    private static final double MAX_STEPS = 1e8;

    private final double relTol;
    private final double absTol;

    OdeFlowSolver(double relTol, double absTol) {
        if (!(relTol > 0) || !(absTol > 0) || Double.isInfinite(relTol) || Double.isInfinite(absTol)) {
            throw new IllegalArgumentException("ODE tolerances must be finite and positive");
        }
        this.relTol = relTol;
        this.absTol = absTol;
    }

    @Override
    public String method() {
        return "ode";
    }

    private static double residual(double[] y, double phi) {
        int d = y.length / 2;
        double m = 0;
        for (int i = 0; i < d; i++) {
            m += y[i] * y[d + i];
        }
        return m - phi;
    }

    private static ShallowSnapshot snapshot(double[] y, double phi) {
        int d = y.length / 2;
        double[] a = Arrays.copyOfRange(y, 0, d);
        double[] b = Arrays.copyOfRange(y, d, 2 * d);
        VectorPoint p = VectorPoint.of(a, b);
        double m = p.product();
        return new ShallowSnapshot(phi, m, p.norm(), p.imbalance(), m - phi);
    }

    @Override
    public FlowSolution solve(double phi, VectorPoint initial, FlowSpec spec) {
        int d = initial.width();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2 * d;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double eps = residual(y, phi);
                double[] dy = new double[2 * d];
                for (int i = 0; i < d; i++) {
                    dy[i] = -eps * y[d + i];
                    dy[d + i] = -eps * y[i];
                }
                return dy;
            }
        };
        double[] y0 = new double[2 * d];
        for (int i = 0; i < d; i++) {
            y0[i] = initial.a(i);
            y0[d + i] = initial.b(i);
        }
        double lambdaGf = Quantities.gfSharpness(phi, initial.imbalance());
        if (spec.tMax() * lambdaGf > MAX_STEPS) {
            throw new IllegalArgumentException("the ODE would need more than 1e8 steps (t-max × λ_GF = "
                    + spec.tMax() * lambdaGf + "); lower t-max");
        }
        double maxStep = Math.min(spec.tMax(), lambdaGf > 0 ? 1.0 / lambdaGf : spec.tMax());
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-14 * maxStep, maxStep, absTol, relTol);
        List<FlowSample> samples = new ArrayList<>(spec.sampleCount());
        integrator.addStepHandler(new Sampler(spec, phi, samples));
        ToleranceCrossing crossing = new ToleranceCrossing(phi, Math.log(spec.tol()), maxStep);
        boolean startsConverged = Math.abs(residual(y0, phi)) <= spec.tol();
        if (!startsConverged) {
            integrator.addEventDetector(crossing);
        }
        ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, y0), spec.tMax());
        double[] y = end.getPrimaryState();
        VectorPoint endPoint = VectorPoint.of(Arrays.copyOfRange(y, 0, d), Arrays.copyOfRange(y, d, 2 * d));
        OptionalDouble t = startsConverged ? OptionalDouble.of(0.0) : crossing.time();
        return new FlowSolution(method(), samples, t, snapshot(y, phi), endPoint, end.getTime());
    }

    /**
     * Interpolates the dense output at exactly the sample times of {@link FlowSpec} (the same times as the exact
     * solver), each once.
     */
    private static final class Sampler implements ODEStepHandler {
        private final FlowSpec spec;
        private final double phi;
        private final List<FlowSample> samples;
        private final int count;
        private int next;

        Sampler(FlowSpec spec, double phi, List<FlowSample> samples) {
            this.spec = spec;
            this.phi = phi;
            this.samples = samples;
            this.count = spec.sampleCount();
        }

        @Override
        public void handleStep(ODEStateInterpolator interpolator) {
            double end = interpolator.getCurrentState().getTime();
            while (next < count && spec.sampleTime(next) <= end) {
                double t = spec.sampleTime(next++);
                samples.add(new FlowSample(t, snapshot(interpolator.getInterpolatedState(t).getPrimaryState(), phi)));
            }
        }
    }

    /** Event g = ln|ε| − ln tol, decreasing through zero once; records the first crossing and continues. */
    private static final class ToleranceCrossing extends FirstCrossing {
        private final double phi;
        private final double logTol;

        ToleranceCrossing(double phi, double logTol, double maxCheck) {
            super(maxCheck, 1e-14, false);
            this.phi = phi;
            this.logTol = logTol;
        }

        @Override
        public double g(ODEStateAndDerivative state) {
            return Math.log(Math.max(Math.abs(residual(state.getPrimaryState(), phi)), Double.MIN_VALUE)) - logTol;
        }
    }
}
