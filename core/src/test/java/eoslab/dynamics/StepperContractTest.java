package eoslab.dynamics;

import eoslab.EoslabTest;
import eoslab.method.GradientDescent;
import eoslab.method.Method;
import eoslab.model.Model;
import eoslab.model.PointSnapshot;
import eoslab.model.State;
import eoslab.model.shallow.ShallowState;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The contract of every {@link Stepper}, in the style of Hipparchus' abstract integrator tests: a subclass supplies
 * the stepper for a model, a method and θ₀, its tolerance and its problems, and inherits the checks that (a) the live
 * state agrees with the model evaluated at {@link Stepper#theta}; (b) one step is θ₁ = θ₀ − η∇L(θ₀) computed here
 * from {@link Model#gradient}; (c) 500 steps agree with a plain loop on the flat vector; (d) a step that would
 * diverge is refused and changes no bit of the state or of θ; (e) {@link Stepper#snapshot()} is an immutable copy;
 * (f) {@link Stepper#step()} allocates nothing after warm-up.
 */
public abstract class StepperContractTest extends EoslabTest {
    /** Steps of the comparison with the reference loop. */
    protected static final int STEPS = 500;

    /**
     * One problem: a model, a start and a constant step.
     *
     * @param name  what it is, for the report
     * @param model the model
     * @param theta0 θ₀ (not modified by the tests)
     * @param eta   the step size
     */
    public record Problem(String name, Model model, double[] theta0, double eta) {
        /** Gradient descent with this problem's step. */
        public Method method() {
            return GradientDescent.constant(eta);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The stepper under test: the method on the model from θ₀ (not modified). */
    protected abstract Stepper<?> stepper(Model model, Method method, double[] theta0);

    /**
     * Relative tolerance of the stepper against the model evaluated on its θ and against the reference loop (on
     * the scale 1 + ‖θ‖² + √(2(L₀ − L*)) for the loss and the residual norm).
     */
    protected abstract double tolerance();

    /** Problems whose runs stay bounded for {@link #STEPS} steps. */
    protected abstract List<Problem> problems();

    /** Problems whose runs diverge within 10 000 steps. */
    protected abstract List<Problem> divergingProblems();

    /** Null when {@link Stepper#step()} must allocate nothing, else why this stepper is exempt. */
    protected String allocationExemption() {
        return null;
    }

    /** The stepper of a problem, on its own instance of the model (the tests evaluate the model themselves). */
    private Stepper<?> stepper(Problem p) {
        return stepper(p.model().copy(), p.method(), p.theta0().clone());
    }

    private Stream<DynamicTest> each(List<Problem> problems, Consumer<Problem> check) {
        return problems.stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> check.accept(p)));
    }

    private static double[] theta(Stepper<?> s) {
        double[] t = new double[s.model().dimension()];
        s.theta(t);
        return t;
    }

    private static double normSquared(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }

    private static double distance(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - y[i]) * (x[i] - y[i]);
        }
        return Math.sqrt(s);
    }

    /** The scale of a loss or residual error: 1 + ‖θ‖² + the initial residual norm. */
    private static double scale(Problem p, double[] theta) {
        double l0 = p.model().loss(p.theta0());
        return 1.0 + normSquared(theta) + PointSnapshot.residualNorm(l0, p.model().minimumLoss());
    }

    /** The state agrees with the model at θ to the tolerance; its residual norm is √(2(L − L*)) of its own loss. */
    private void assertStateMatchesModel(Problem p, State s, double[] theta, String where) {
        Model m = p.model();
        double tol = tolerance();
        double scale = scale(p, theta);
        double loss = m.loss(theta);
        double residual = PointSnapshot.residualNorm(loss, m.minimumLoss());
        assertThat(s.minimumLoss()).as("L* %s", where).isEqualTo(m.minimumLoss());
        assertThat(s.normSquared()).as("‖θ‖² %s", where).isCloseTo(normSquared(theta),
                within(tol * normSquared(theta)));
        assertThat(s.residualNorm()).as("residual norm %s", where).isCloseTo(residual, within(tol * scale));
        assertThat(s.loss()).as("loss %s", where).isCloseTo(loss,
                within(tol * scale * (residual + tol * scale) + tol * Math.abs(m.minimumLoss())));
        assertThat(s.residualNorm()).as("residual norm from the state's own loss %s", where)
                .isCloseTo(PointSnapshot.residualNorm(s.loss(), s.minimumLoss()),
                        within(1e-14 * s.residualNorm() + 1e-300));
    }

    @TestFactory
    Stream<DynamicTest> liveStateAgreesWithTheModelAtTheta() {
        return each(problems(), p -> {
            Stepper<?> s = stepper(p);
            State live = s.state();
            for (int k = 0; k <= STEPS; k++) {
                if (k <= 3 || k % 50 == 0) {
                    assertStateMatchesModel(p, live, theta(s), "at step " + k);
                    assertThat(s.state()).as("the live view stays the same object").isSameAs(live);
                }
                if (k < STEPS) {
                    assertThat(s.step()).as("step %d accepted", k + 1).isTrue();
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> oneStepIsThetaMinusEtaTimesTheGradient() {
        return each(problems(), p -> {
            double[] t0 = p.theta0();
            double[] grad = new double[t0.length];
            double loss0 = p.model().gradient(t0, grad);
            double[] t1 = new double[t0.length];
            for (int i = 0; i < t0.length; i++) {
                t1[i] = t0[i] - p.eta() * grad[i];
            }
            Stepper<?> s = stepper(p);
            assertThat(s.state().loss()).as("L(θ₀)").isCloseTo(loss0, within(tolerance() * (1 + loss0)));
            assertThat(s.step()).isTrue();
            double[] got = theta(s);
            assertThat(distance(got, t1)).as("‖θ₁ − (θ₀ − η∇L(θ₀))‖").isLessThanOrEqualTo(
                    tolerance() * Math.sqrt(normSquared(t1)));
            assertThat(distance(t1, t0)).as("the step moves θ").isGreaterThan(
                    1e3 * tolerance() * Math.sqrt(normSquared(t1)));
            assertStateMatchesModel(p, s.state(), t1, "after one step");
        });
    }

    @TestFactory
    Stream<DynamicTest> manyStepsAgreeWithAPlainLoopOnTheFlatVector() {
        return each(problems(), p -> {
            Model m = p.model().copy();
            double[] theta = p.theta0().clone();
            double[] grad = new double[theta.length];
            Stepper<?> s = stepper(p);
            for (int k = 1; k <= STEPS; k++) {
                m.gradient(theta, grad);
                for (int i = 0; i < theta.length; i++) {
                    theta[i] -= p.eta() * grad[i];
                }
                assertThat(s.step()).as("step %d accepted", k).isTrue();
                if (k % 100 == 0) {
                    double[] got = theta(s);
                    assertThat(distance(got, theta)).as("‖θ − θ_ref‖ at step %d", k)
                            .isLessThanOrEqualTo(tolerance() * Math.sqrt(normSquared(theta)));
                    assertStateMatchesModel(p, s.state(), theta, "against the reference at step " + k);
                }
            }
        });
    }

    /** Everything a state reports, as raw bits. */
    private static List<Long> stateBits(State st) {
        List<Long> b = new ArrayList<>(List.of(Double.doubleToRawLongBits(st.loss()),
                Double.doubleToRawLongBits(st.residualNorm()), Double.doubleToRawLongBits(st.normSquared()),
                Double.doubleToRawLongBits(st.minimumLoss())));
        if (st instanceof ShallowState sh) {
            b.addAll(List.of(Double.doubleToRawLongBits(sh.product()), Double.doubleToRawLongBits(sh.norm()),
                    Double.doubleToRawLongBits(sh.imbalance()), Double.doubleToRawLongBits(sh.residual())));
        }
        return b;
    }

    /** The live state's bits followed by θ's. */
    private static List<Long> bits(Stepper<?> s) {
        List<Long> b = stateBits(s.state());
        for (double v : theta(s)) {
            b.add(Double.doubleToRawLongBits(v));
        }
        return b;
    }

    @TestFactory
    Stream<DynamicTest> aHugeStepIsRefusedAndChangesNoBit() {
        return each(problems(), p -> {
            for (double eta : new double[] {1e60, 1e300}) {
                Stepper<?> s = stepper(p.model().copy(), GradientDescent.constant(eta), p.theta0().clone());
                List<Long> before = bits(s);
                assertThat(s.step()).as("step with η = %s refused", eta).isFalse();
                assertThat(bits(s)).as("state and θ after the refused step, η = %s", eta).isEqualTo(before);
                assertThat(s.step()).as("refused again").isFalse();
                assertThat(bits(s)).isEqualTo(before);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aRunThatDivergesStopsAtItsLastFiniteIterate() {
        return each(divergingProblems(), p -> {
            Stepper<?> s = stepper(p);
            List<Long> before = bits(s);
            int k = 0;
            while (k < 10_000 && s.step()) {
                before = bits(s);
                k++;
            }
            assertThat(k).as("steps before the divergence").isBetween(1, 9_999);
            assertThat(bits(s)).as("state and θ after the refused step %d", k + 1).isEqualTo(before);
            assertThat(s.state().normSquared()).isLessThanOrEqualTo(Stepper.DIVERGENCE_NORM);
            assertThat(s.step()).as("refused again").isFalse();
            assertThat(bits(s)).isEqualTo(before);
        });
    }

    @TestFactory
    Stream<DynamicTest> snapshotIsAnImmutableCopy() {
        return each(problems(), p -> {
            Stepper<?> s = stepper(p);
            for (int k = 0; k < 7; k++) {
                s.step();
            }
            List<Long> now = bits(s);
            double[] thetaNow = theta(s);
            State snap = s.snapshot();
            assertThat(snap).as("a copy, not the live view").isNotSameAs(s.state());
            List<Long> snapBits = stateBits(snap);
            assertThat(snapBits).as("snapshot equals the state when taken").isEqualTo(now.subList(0, snapBits.size()));
            if (snap instanceof PointSnapshot ps) {
                assertThat(ps.theta()).isEqualTo(thetaNow);
                ps.theta()[0] += 1.0;
                assertThat(ps.theta()).as("θ of a snapshot cannot be changed").isEqualTo(thetaNow);
            }
            for (int k = 0; k < 5; k++) {
                assertThat(s.step()).isTrue();
            }
            assertThat(bits(s)).as("the steps changed the state").isNotEqualTo(now);
            assertThat(stateBits(snap)).as("snapshot after further steps").isEqualTo(snapBits);
            if (snap instanceof PointSnapshot ps) {
                assertThat(ps.theta()).isEqualTo(thetaNow);
            }
        });
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @TestFactory
    Stream<DynamicTest> stepAllocatesNothingAfterWarmUp() {
        String exemption = allocationExemption();
        if (exemption != null) {
            return Stream.of(DynamicTest.dynamicTest("exempt: " + exemption, () -> Assumptions.abort(exemption)));
        }
        return each(problems(), p -> {
            Stepper<?> s = stepper(p);
            for (int k = 0; k < 2_000; k++) {
                s.step();
            }
            long bytes = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long before = allocatedBytes();
                for (int k = 0; k < 5_000; k++) {
                    s.step();
                }
                bytes = Math.min(bytes, allocatedBytes() - before);
            }
            assertThat(bytes).as("bytes allocated by 5000 steps (least of 3 rounds)").isLessThan(1024);
        });
    }
}
