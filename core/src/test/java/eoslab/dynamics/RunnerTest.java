package eoslab.dynamics;

import eoslab.EoslabTest;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.dynamics.shallow.VectorGd;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowSnapshot;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The run driver: outcomes, the divergence bound and its step, the observed rate, the catapult at Φ = 0. */
class RunnerTest extends EoslabTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void divergenceIsReportedAtTheStepThatWouldCrossTheBoundWithFiniteState(Engine engine) {
        VectorPoint start = new StartSpec.Gaussian(7, 1.5, 1.5, 3).point();
        double eta = 2.5;
        RunResult<ShallowState> r = Runner.run(Engines.stepper(1.0, eta, start, engine), new StopRule(10_000, 1e-12), List.of());
        assertThat(r.outcome()).isEqualTo(Outcome.DIVERGED);
        assertThat(r.endStep()).isEqualTo(r.steps() + 1);
        ShallowState last = r.last();
        assertThat(last.norm()).isLessThanOrEqualTo(ShallowStepper.DIVERGENCE_NORM);
        for (double x : new double[] {last.norm(), last.product(), last.residual(), last.imbalance(), last.loss(),
                last.sharpness(), last.gfSharpness(), r.maxLoss(), r.rateObserved()}) {
            assertThat(Double.isFinite(x)).isTrue();
        }
        double h = eta * last.residual();
        double nextNorm = (1 + h * h) * last.norm() - 4 * h * last.product();
        assertThat(nextNorm).as("the refused step would exceed the bound").isGreaterThan(ShallowStepper.DIVERGENCE_NORM);
        Engine otherEngine = engine == Engine.VECTOR ? Engine.REDUCED : Engine.VECTOR;
        RunResult<ShallowState> other = Runner.run(Engines.stepper(1.0, eta, start, otherEngine),
                new StopRule(10_000, 1e-12), List.of());
        assertThat(other.outcome()).isEqualTo(Outcome.DIVERGED);
        assertThat(other.endStep()).as("both engines diverge at the same step").isEqualTo(r.endStep());
    }

    @Test
    void aRefusedStepLeavesTheStateUnchanged() {
        ShallowStepper gd = ReducedGd.from(1.0, 1e60, ReducedPoint.canonical(0.0, 4.0).toVectors());
        ShallowSnapshot before = ShallowSnapshot.of(gd);
        assertThat(gd.step()).isFalse();
        assertThat(ShallowSnapshot.of(gd)).isEqualTo(before);
        ShallowStepper v = VectorGd.from(1.0, 1e300, ReducedPoint.canonical(0.0, 4.0).toVectors());
        assertThat(v.step()).isFalse();
        assertThat(ShallowSnapshot.of(v)).isEqualTo(before);
    }

    static Stream<Arguments> slowRuns() {
        return Stream.of(Arguments.of(0.1, 0.2), Arguments.of(0.15, 0.5), Arguments.of(0.8, 0.5),
                Arguments.of(0.9, 0.3), Arguments.of(0.05, -0.4));
    }

    @ParameterizedTest(name = "c={0}, m0={1}")
    @MethodSource("slowRuns")
    void observedRateMatchesTheAsymptoticRate(double c, double m0) {
        VectorPoint start = ReducedPoint.canonical(m0, 3.0).toVectors();
        Landmarks lm = Landmarks.of(1.0, start);
        double eta = lm.absoluteEta(c);
        RunResult<ShallowState> r = Runner.run(ReducedGd.from(1.0, eta, start), new StopRule(100_000, 1e-12), List.of());
        assertThat(r.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(r.steps()).isGreaterThan(Runner.RATE_WINDOW);
        double asymptotic = Math.abs(1 - eta * r.last().norm());
        assertThat(asymptotic).isBetween(0.1, 0.99);
        assertThat(r.rateObserved()).isCloseTo(asymptotic, within(1e-3));
    }

    @Test
    void maxLossIsTheLargestLossAlongTheRunAndObserversSeeEveryStep() {
        VectorPoint start = ReducedPoint.canonical(0.1, 5.0).toVectors();
        double eta = Landmarks.of(1.0, start).absoluteEta(1.3);
        List<Double> losses = new ArrayList<>();
        long[] finished = {-1};
        StepObserver<ShallowState> rec = new StepObserver<>() {
            @Override
            public void start(ShallowState stepper) {
                losses.add(stepper.loss());
            }

            @Override
            public void step(long k, ShallowState it) {
                assertThat(k).isEqualTo(losses.size());
                losses.add(it.loss());
            }

            @Override
            public void finish(long k, ShallowState it, Outcome outcome) {
                finished[0] = k;
            }
        };
        RunResult<ShallowState> r = Runner.run(ReducedGd.from(1.0, eta, start), new StopRule(1000, 1e-12), List.of(rec));
        assertThat(r.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(finished[0]).isEqualTo(r.steps());
        assertThat(losses).hasSize((int) r.steps() + 1);
        assertThat(r.maxLoss()).isEqualTo(losses.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(r.maxLoss()).as("a catapult: the loss rises above its start").isGreaterThan(losses.get(0));
        assertThat(r.initial().norm()).isCloseTo(5.0, within(1e-14));
    }

    @Test
    void stopRuleIsCheckedFromStepZeroAndTheBudgetIsExact() {
        VectorPoint atMin = VectorPoint.of(new double[] {1.0}, new double[] {2.0});
        RunResult<ShallowState> r = Runner.run(ReducedGd.from(2.0, 0.1, atMin), new StopRule(10, 0.0), List.of());
        assertThat(r.outcome()).isEqualTo(Outcome.CONVERGED);
        assertThat(r.steps()).isZero();
        RunResult<ShallowState> budget = Runner.run(ReducedGd.from(1.0, 0.01, ReducedPoint.canonical(0.1, 2.0).toVectors()),
                new StopRule(17, 1e-12), List.of());
        assertThat(budget.outcome()).isEqualTo(Outcome.MAX_STEPS);
        assertThat(budget.steps()).isEqualTo(17);
        assertThat(budget.endStep()).isEqualTo(17);
    }

    /** Φ = 0: λ⁺ − λ = ηm²(ηλ − 4) exactly; lazy below ηλ₀ = 2, catapult between 2 and 4, divergence above 4. */
    @ParameterizedTest(name = "eta*lambda0={0}")
    @MethodSource("catapults")
    void catapultIdentityAndPhasesAtZeroTarget(double etaLambda0, Outcome expected) {
        VectorPoint start = new StartSpec.Gaussian(6, 0.5, 0.3, 11).point();
        double eta = etaLambda0 / start.norm();
        VectorGd gd = VectorGd.from(0.0, eta, start);
        double lambda0 = gd.norm();
        double maxLambda = lambda0;
        for (int k = 0; k < 60 && Math.abs(gd.residual()) > 1e-9; k++) {
            double lambda = gd.norm();
            double m = gd.product();
            if (!gd.step()) {
                break;
            }
            assertThat(gd.norm() - lambda).as("catapult identity at %d", k)
                    .isCloseTo(eta * m * m * (eta * lambda - 4), within(1e-13 * gd.norm() * (1 + eta * lambda)));
            maxLambda = Math.max(maxLambda, gd.norm());
        }
        RunResult<ShallowState> r = Runner.run(VectorGd.from(0.0, eta, start), new StopRule(1_000_000, 1e-9), List.of());
        assertThat(r.outcome()).isEqualTo(expected);
        if (expected == Outcome.CONVERGED) {
            assertThat(r.last().norm()).as("ends stable").isLessThan(2 / eta);
            assertThat(r.last().norm()).as("λ never increases below ηλ = 4").isLessThanOrEqualTo(lambda0);
            if (etaLambda0 > 2) {
                assertThat(r.maxLoss()).as("the catapult raises the loss").isGreaterThan(r.initial().loss());
            } else {
                assertThat(r.maxLoss()).as("lazy: the loss never rises").isEqualTo(r.initial().loss());
            }
        } else {
            assertThat(maxLambda).isGreaterThan(lambda0);
        }
    }

    static Stream<Arguments> catapults() {
        return Stream.of(Arguments.of(1.0, Outcome.CONVERGED), Arguments.of(1.9, Outcome.CONVERGED),
                Arguments.of(2.5, Outcome.CONVERGED), Arguments.of(3.6, Outcome.CONVERGED),
                Arguments.of(4.2, Outcome.DIVERGED), Arguments.of(6.0, Outcome.DIVERGED));
    }
}
