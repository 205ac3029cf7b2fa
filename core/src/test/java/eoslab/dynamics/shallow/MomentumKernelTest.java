package eoslab.dynamics.shallow;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.method.HeavyBall;
import eoslab.method.Method;
import eoslab.method.Nesterov;
import eoslab.method.Schedule;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The momentum lane kernel against a scalar reference, as {@link LaneKernelTest} checks the GD kernel: every lane's
 * class and step equal those of {@link ReducedMomentum} run by the {@link Runner} (all regimes, both methods, several
 * β, random starts and η per lane), bounded lanes get exactly the period of a scalar tail of {@link Periodicity#SAMPLES} further
 * iterates (including lanes that settle or diverge inside that window), lane order changes nothing, reported periods
 * are real periods, and lanes with β = 0 give the GD kernel's results.
 */
class MomentumKernelTest extends EoslabTest {

    private static Method method(boolean nesterov, double beta, double eta) {
        return nesterov ? new Nesterov(beta, new Schedule.Constant(eta)) : new HeavyBall(beta, new Schedule.Constant(eta));
    }

    /** The run of {@code eoslab run} from a start whose reduced coordinates are the lane's (p, q). */
    private static RunResult<ShallowState> reference(boolean nesterov, double phi, VectorPoint start, double eta,
                                                     double beta, StopRule rule) {
        return Runner.run(ReducedMomentum.from(ShallowModel.of(phi, 1), method(nesterov, beta, eta), start), rule,
                List.of());
    }

    @ParameterizedTest(name = "nesterov = {0}, β = {1}, seed {2}")
    @CsvSource({"false, 0.3, 1", "false, 0.7, 2", "false, 0.95, 3", "true, 0.3, 4", "true, 0.7, 5", "true, 0.95, 6"})
    void lanesMatchReferenceRuns(boolean nesterov, double beta, long seed) {
        Random r = new Random(seed);
        int n = 300;
        double phi = r.nextBoolean() ? 1.0 : -0.5 + r.nextDouble();
        int budget = 3000;
        double tol = 1e-12;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] eta = new double[n];
        VectorPoint[] points = new VectorPoint[n];
        for (int i = 0; i < n; i++) {
            double l0 = 0.1 + 6 * r.nextDouble();
            double m0 = (2 * r.nextDouble() - 1) * l0 / 2;
            points[i] = new StartSpec.Canonical(m0, l0).point();
            ReducedPoint rp = points[i].toReduced();
            p[i] = rp.p();
            q[i] = rp.q();
            eta[i] = 0.05 + 2 * r.nextDouble();
        }
        LaneResults out = new LaneResults(n);
        new MomentumKernel(n).run(nesterov, beta, phi, tol, budget, p, q, eta, n, out);
        int[] seen = new int[CellClass.values().length];
        for (int i = 0; i < n; i++) {
            RunResult<ShallowState> ref = reference(nesterov, phi, points[i], eta[i], beta, new StopRule(budget, tol));
            CellClass c = CellClass.of(out.cls(i));
            seen[c.ordinal()]++;
            switch (ref.outcome()) {
                case CONVERGED -> assertThat(c).as("lane %d", i).isEqualTo(CellClass.CONVERGED);
                case DIVERGED -> assertThat(c).as("lane %d", i).isEqualTo(CellClass.DIVERGED);
                // bounded at the budget, or diverging within the period test's iterates just after it
                case MAX_STEPS -> assertThat(c.bounded() || c == CellClass.DIVERGED && out.steps(i) > budget)
                        .as("lane %d", i).isTrue();
            }
            if (c != CellClass.DIVERGED || ref.outcome() == Outcome.DIVERGED) {
                assertThat((long) out.steps(i)).as("lane %d", i).isEqualTo(ref.endStep());
            }
        }
        assertThat(seen[CellClass.CONVERGED.ordinal()]).isPositive();
        assertThat(seen[CellClass.DIVERGED.ordinal()]).isPositive();
    }

    @ParameterizedTest(name = "nesterov = {0}, β = {1}, seed {2}")
    @CsvSource({"false, 0.2, 11", "false, 0.3, 12", "true, 0.2, 13", "true, 0.55, 14"})
    void boundedLanesMatchAScalarTailReference(boolean nesterov, double b, long seed) {
        Random r = new Random(seed);
        int n = 257;
        double tol = 1e-12;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] eta = new double[n];
        VectorPoint[] points = new VectorPoint[n];
        List<Long> convergenceSteps = new ArrayList<>();
        double kappa = nesterov ? (1 + b) / (1 + 2 * b) : 1 + b;
        for (int i = 0; i < n; i++) {
            points[i] = new StartSpec.Canonical(0.5 * r.nextDouble() - 0.25, 0.5 + 2 * r.nextDouble()).point();
            ReducedPoint rp = points[i].toReduced();
            p[i] = rp.p();
            q[i] = rp.q();
            // around κ/|Φ|: convergence below (slow near it), cycles and chaos above
            eta[i] = kappa * (0.8 + 0.5 * r.nextDouble());
            RunResult<ShallowState> pre = reference(nesterov, 1.0, points[i], eta[i], b, new StopRule(20000, tol));
            if (pre.outcome() == Outcome.CONVERGED && pre.steps() > 200) {
                convergenceSteps.add(pre.steps());
            }
        }
        Collections.sort(convergenceSteps);
        int budget = (int) (convergenceSteps.get(convergenceSteps.size() / 2) - 60);
        LaneResults out = new LaneResults(n);
        new MomentumKernel(n).run(nesterov, b, 1.0, tol, budget, p.clone(), q.clone(), eta, n, out);
        int bounded = 0;
        int settledInTail = 0;
        int periodic = 0;
        for (int i = 0; i < n; i++) {
            ReducedMomentum gd = ReducedMomentum.from(ShallowModel.of(1.0, 1), method(nesterov, b, eta[i]), points[i]);
            RunResult<ShallowState> ref = Runner.run(gd, new StopRule(budget, tol), List.of());
            if (ref.outcome() != Outcome.MAX_STEPS) {
                continue;
            }
            bounded++;
            double[] m = new double[Periodicity.SAMPLES];
            double[] l = new double[Periodicity.SAMPLES];
            int expected = -1;
            CellClass expectedClass = null;
            long expectedStep = budget;
            for (int j = 0; j < Periodicity.SAMPLES && expected < 0; j++) {
                if (Math.abs(gd.residual()) <= tol) {
                    expected = 1;
                    expectedClass = CellClass.SLOW;
                    settledInTail++;
                } else {
                    m[j] = gd.product();
                    l[j] = gd.norm();
                    if (!gd.step()) {
                        // diverging just after the budget: diverged, with its step
                        expected = 0;
                        expectedClass = CellClass.DIVERGED;
                        expectedStep = budget + j + 1L;
                    }
                }
            }
            if (expected < 0) {
                expected = Periodicity.period(m, l, 1.0);
                expectedClass = Periodicity.classOf(expected);
            }
            periodic += expected >= 2 ? 1 : 0;
            assertThat((int) out.period(i)).as("lane %d", i).isEqualTo(expected);
            assertThat(CellClass.of(out.cls(i))).as("lane %d", i).isEqualTo(expectedClass);
            assertThat((long) out.steps(i)).isEqualTo(expectedStep);
        }
        assertThat(bounded).isGreaterThan(20);
        assertThat(settledInTail).as("lanes converging inside the tail window").isPositive();
        assertThat(periodic).as("periodic lanes").isPositive();
    }

    @ParameterizedTest(name = "nesterov = {0}")
    @CsvSource({"false", "true"})
    void resultsDoNotDependOnLaneOrder(boolean nesterov) {
        Random r = new Random(8);
        int n = 200;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            ReducedPoint rp = ReducedPoint.canonical(0.0, 0.5 + 3 * r.nextDouble());
            p[i] = rp.p();
            q[i] = rp.q();
            eta[i] = 0.2 + 1.4 * r.nextDouble();
        }
        int[] perm = new int[n];
        java.util.Arrays.setAll(perm, i -> (i * 37 + 11) % n);
        double[][] permuted = new double[3][n];
        for (int i = 0; i < n; i++) {
            permuted[0][i] = p[perm[i]];
            permuted[1][i] = q[perm[i]];
            permuted[2][i] = eta[perm[i]];
        }
        LaneResults o1 = new LaneResults(n);
        LaneResults o2 = new LaneResults(n);
        new MomentumKernel(n).run(nesterov, 0.6, 1.0, 1e-12, 2000, p, q, eta, n, o1);
        new MomentumKernel(n).run(nesterov, 0.6, 1.0, 1e-12, 2000, permuted[0], permuted[1], permuted[2], n, o2);
        for (int i = 0; i < n; i++) {
            assertThat(o2.cls(i)).isEqualTo(o1.cls(perm[i]));
            assertThat(o2.steps(i)).isEqualTo(o1.steps(perm[i]));
            assertThat(o2.period(i)).isEqualTo(o1.period(perm[i]));
            assertThat(o2.p(i)).isEqualTo(o1.p(perm[i]));
            assertThat(o2.q(i)).isEqualTo(o1.q(perm[i]));
        }
    }

    @ParameterizedTest(name = "nesterov = {0}")
    @CsvSource({"false", "true"})
    void betaZeroLanesGiveTheGdKernelsResults(boolean nesterov) {
        Random r = new Random(21);
        int n = 400;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            ReducedPoint rp = ReducedPoint.canonical(r.nextDouble() - 0.5, 1 + 5 * r.nextDouble());
            p[i] = rp.p();
            q[i] = rp.q();
            eta[i] = 0.1 + 1.8 * r.nextDouble();
        }
        LaneResults o1 = new LaneResults(n);
        LaneResults o2 = new LaneResults(n);
        new LaneKernel(n).run(1.0, 1e-12, 4000, p, q, eta, n, o1);
        new MomentumKernel(n).run(nesterov, 0.0, 1.0, 1e-12, 4000, p, q, eta, n, o2);
        int bounded = 0;
        for (int i = 0; i < n; i++) {
            assertThat(o2.cls(i)).as("lane %d", i).isEqualTo(o1.cls(i));
            assertThat(o2.steps(i)).as("lane %d", i).isEqualTo(o1.steps(i));
            assertThat(o2.period(i)).as("lane %d", i).isEqualTo(o1.period(i));
            assertThat(o2.p(i)).as("lane %d", i).isEqualTo(o1.p(i));
            assertThat(o2.q(i)).as("lane %d", i).isEqualTo(o1.q(i));
            bounded += CellClass.of(o1.cls(i)).bounded() ? 1 : 0;
        }
        assertThat(bounded).as("bounded lanes among them").isPositive();
    }
}
