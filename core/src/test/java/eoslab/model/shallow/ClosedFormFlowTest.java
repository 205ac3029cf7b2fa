package eoslab.model.shallow;

import eoslab.EoslabTest;
import eoslab.flow.FlowSample;
import eoslab.flow.FlowSolution;
import eoslab.flow.FlowSolver;
import eoslab.flow.FlowSpec;
import eoslab.spec.StartSpec;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The closed-form gradient flow (docs/model.md §5) against Hipparchus' Dormand–Prince 8(5,3) integration of the 2d-dimensional
 * ODE: sampled invariants, the point at the end of the horizon, the limit, the time to tolerance and the conserved
 * quantities, to 1e-9 on the scale of the problem.
 */
class ClosedFormFlowTest extends EoslabTest {
    private static final double TOL = 1e-9;
    private static final FlowSolver ODE = FlowSolver.ode(1e-13, 1e-15);

    static Stream<Arguments> starts() {
        Stream<Arguments> random = IntStream.range(0, 24).mapToObj(i -> {
            Random rng = new Random(300L + i);
            int d = 1 + rng.nextInt(12);
            double phi = i % 3 == 0 ? -(0.2 + 2 * rng.nextDouble()) : 0.2 + 2 * rng.nextDouble();
            double sigma = 0.2 + rng.nextDouble();
            return Arguments.of("random " + i, phi,
                    new StartSpec.Gaussian(d, sigma, sigma * (0.3 + rng.nextDouble()), rng.nextLong()).point());
        });
        Stream<Arguments> special = Stream.of(
                Arguments.of("phi=0", 0.0, point(new double[] {0.9, -0.2, 0.4}, new double[] {0.1, 0.7, -0.5})),
                Arguments.of("phi=0, Q=0", 0.0, point(new double[] {0.6, -0.3}, new double[] {0.6, -0.3})),
                Arguments.of("Q=0 (a=b), phi>0", 1.3, point(new double[] {0.2, 0.1}, new double[] {0.2, 0.1})),
                Arguments.of("Q=0 (a=-b), phi<0", -0.8, point(new double[] {0.5, 0.4}, new double[] {-0.5, -0.4})),
                Arguments.of("s0=0, phi>0 (saddle)", 1.1, point(new double[] {0.5, -0.4}, new double[] {-0.5, 0.4})),
                Arguments.of("r0=0, phi<0 (saddle)", -0.7, point(new double[] {0.3, 0.2}, new double[] {0.3, 0.2})),
                Arguments.of("canonical far", 2.0, new StartSpec.Canonical(-3.0, 9.0).point()),
                Arguments.of("tiny start", 1.0, point(new double[] {1e-3}, new double[] {2e-3})));
        return Stream.concat(random, special);
    }

    private static VectorPoint point(double[] a, double[] b) {
        return VectorPoint.of(a, b);
    }

    /** A horizon long enough for |ε| to fall far below 1e-9 (or 40 time units when λ_GF = 0). */
    private static double horizon(ClosedFormFlow flow) {
        return flow.gfSharpness() > 0 ? 40.0 / flow.gfSharpness() + 30.0 : 40.0;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void closedFormTrajectoryEqualsTheOde(String name, double phi, VectorPoint start) {
        ClosedFormFlow flow = ClosedFormFlow.from(phi, start);
        double tMax = horizon(flow);
        FlowSolution ode = ODE.solve(phi, start, new FlowSpec(tMax, tMax / 200, 1e-6));
        double scale = start.norm() + flow.limit().norm() + Math.abs(phi);
        List<FlowSample> samples = ode.samples();
        assertThat(samples).hasSize(201);
        for (FlowSample s : samples) {
            ShallowSnapshot exact = flow.at(s.time());
            ShallowSnapshot num = s.state();
            assertThat(exact.residual()).as("ε at t=%s", s.time()).isCloseTo(num.residual(), within(TOL * scale));
            assertThat(exact.product()).as("m at t=%s", s.time()).isCloseTo(num.product(), within(TOL * scale));
            assertThat(exact.norm()).as("λ at t=%s", s.time()).isCloseTo(num.norm(), within(TOL * scale));
            assertThat(exact.imbalance()).as("Q at t=%s", s.time()).isCloseTo(num.imbalance(), within(TOL * scale));
        }
        assertSamePoint(flow.pointAt(tMax), ode.limitPoint(), TOL * Math.sqrt(scale));
        if (flow.gfSharpness() > 0) {
            assertSamePoint(flow.limitPoint(), ode.limitPoint(), TOL * Math.sqrt(scale));
            ShallowSnapshot lim = flow.limit();
            assertThat(lim.norm()).isCloseTo(ode.limit().norm(), within(TOL * scale));
            assertThat(lim.residual()).isCloseTo(ode.limit().residual(), within(TOL * scale));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void flowConservesImbalanceGapAndGramDeterminant(String name, double phi, VectorPoint start) {
        ClosedFormFlow flow = ClosedFormFlow.from(phi, start);
        double tMax = horizon(flow);
        double scale = start.norm() + flow.limit().norm() + Math.abs(phi);
        double q0 = start.imbalance();
        double gap0 = gap(start);
        double gram0 = gram(start);
        for (double t : new double[] {0.0, 0.01, 0.3, 1.0, 3.0, tMax}) {
            VectorPoint p = flow.pointAt(t);
            assertThat(p.imbalance()).as("Q at %s", t).isCloseTo(q0, within(1e-12 * scale));
            assertThat(gap(p)).as("‖a‖²−‖b‖² at %s", t).isCloseTo(gap0, within(1e-12 * scale));
            assertThat(gram(p)).as("Gram determinant at %s", t).isCloseTo(gram0, within(1e-11 * scale * scale));
            VectorPoint num = ODE.solve(phi, start, new FlowSpec(Math.max(t, 1e-9), Math.max(t, 1e-9), 1e-6))
                    .limitPoint();
            assertThat(num.imbalance()).as("ODE Q at %s", t).isCloseTo(q0, within(TOL * scale));
            assertThat(gap(num)).as("ODE ‖a‖²−‖b‖² at %s", t).isCloseTo(gap0, within(TOL * scale));
        }
        assertThat(gap(flow.limitPoint())).isCloseTo(gap0, within(1e-12 * scale));
        assertThat(flow.limit().imbalance()).isCloseTo(q0, within(1e-12 * scale));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void limitIsTheGlobalMinimumWithSharpnessLambdaGfExceptOnTheSaddleSets(String name, double phi, VectorPoint start) {
        ClosedFormFlow flow = ClosedFormFlow.from(phi, start);
        ShallowSnapshot lim = flow.limit();
        double lambdaGf = Math.sqrt(4 * phi * phi + start.sumSquared() * start.differenceSquared());
        assertThat(flow.gfSharpness()).isCloseTo(lambdaGf, within(1e-13 * (1 + lambdaGf)));
        boolean saddle = (phi > 0 && start.sumSquared() == 0) || (phi < 0 && start.differenceSquared() == 0);
        assertThat(flow.reachesMinimum()).isEqualTo(!saddle);
        if (saddle) {
            assertThat(lim.residual()).isEqualTo(-phi);
            assertThat(flow.timeToTol(1e-6)).isEmpty();
        } else {
            assertThat(lim.residual()).isCloseTo(0.0, within(1e-12 * (1 + lambdaGf)));
            assertThat(lim.norm()).isCloseTo(lambdaGf, within(1e-12 * (1 + lambdaGf)));
            assertThat(lim.sharpness()).isCloseTo(lambdaGf, within(1e-12 * (1 + lambdaGf)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("starts")
    void timeToTolIsTheFirstTimeTheResidualMeetsTheToleranceAndMatchesTheOdeEvent(String name, double phi,
                                                                                VectorPoint start) {
        ClosedFormFlow flow = ClosedFormFlow.from(phi, start);
        double tol = 1e-5 * Math.max(Math.abs(flow.at(0).residual()), 1e-300);
        var t = flow.timeToTol(tol);
        if (!flow.reachesMinimum()) {
            assertThat(t).isEmpty();
            return;
        }
        assertThat(t).isPresent();
        double time = t.getAsDouble();
        assertThat(Math.abs(flow.at(time).residual())).isCloseTo(tol, within(1e-9 * tol));
        assertThat(Math.abs(flow.at(0.999 * time).residual())).isGreaterThan(tol);
        FlowSolution ode = ODE.solve(phi, start, new FlowSpec(2 * time, time, tol));
        assertThat(ode.timeToTol()).isPresent();
        assertThat(ode.timeToTol().getAsDouble()).isCloseTo(time, within(1e-8 * (1 + time)));
        FlowSolution exact = FlowSolver.exact().solve(phi, start, new FlowSpec(2 * time, time, tol));
        assertThat(exact.timeToTol().getAsDouble()).isEqualTo(time);
    }

    @Test
    void residualDecaysAtRateLambdaGf() {
        VectorPoint start = new StartSpec.Gaussian(4, 0.6, 0.3, 5).point();
        ClosedFormFlow flow = ClosedFormFlow.from(1.0, start);
        double t1 = 20.0 / flow.gfSharpness();
        double t2 = t1 + 1.0 / flow.gfSharpness();
        double ratio = flow.at(t2).residual() / flow.at(t1).residual();
        assertThat(ratio).isCloseTo(Math.exp(-1.0), within(1e-6));
    }

    @Test
    void startingAtToleranceGivesTimeZero() {
        VectorPoint start = VectorPoint.of(new double[] {1.0}, new double[] {2.0});
        assertThat(ClosedFormFlow.from(2.0, start).timeToTol(1e-12)).hasValue(0.0);
        assertThat(ODE.solve(2.0, start, new FlowSpec(1, 0.5, 1e-12)).timeToTol()).hasValue(0.0);
    }

    private static double gap(VectorPoint p) {
        double s = 0;
        for (int i = 0; i < p.width(); i++) {
            s += p.a(i) * p.a(i) - p.b(i) * p.b(i);
        }
        return s;
    }

    private static double gram(VectorPoint p) {
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < p.width(); i++) {
            aa += p.a(i) * p.a(i);
            bb += p.b(i) * p.b(i);
        }
        double m = p.product();
        return aa * bb - m * m;
    }

    static void assertSamePoint(VectorPoint x, VectorPoint y, double tol) {
        assertThat(x.width()).isEqualTo(y.width());
        for (int i = 0; i < x.width(); i++) {
            assertThat(x.a(i)).as("a[%d]", i).isCloseTo(y.a(i), within(tol));
            assertThat(x.b(i)).as("b[%d]", i).isCloseTo(y.b(i), within(tol));
        }
    }
}
