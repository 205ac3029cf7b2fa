package eoslab.dynamics.shallow;

import eoslab.EoslabTest;
import eoslab.dynamics.CellClass;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.Periodicity;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StopRule;
import eoslab.model.shallow.ReducedPoint;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

class LaneKernelTest extends EoslabTest {

    /** Kernel lanes against the scalar reference (ReducedGd + Runner) on random cells across all regimes. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void lanesMatchReferenceRuns(long seed) {
        Random rng = new Random(seed);
        int n = 300;
        double phi = rng.nextBoolean() ? 1.0 : -0.5 + rng.nextDouble();
        int budget = 3000;
        double tol = 1e-12;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] eta = new double[n];
        VectorPoint[] points = new VectorPoint[n];
        for (int i = 0; i < n; i++) {
            double l0 = 0.1 + 6 * rng.nextDouble();
            double m0 = (2 * rng.nextDouble() - 1) * l0 / 2;
            points[i] = new StartSpec.Canonical(m0, l0).point();
            ReducedPoint r = points[i].toReduced();
            p[i] = r.p();
            q[i] = r.q();
            eta[i] = 0.05 + 2 * rng.nextDouble();
        }
        LaneResults out = new LaneResults(n);
        new LaneKernel(n).run(phi, tol, budget, p, q, eta, n, out);
        int[] seen = new int[CellClass.values().length];
        for (int i = 0; i < n; i++) {
            RunResult<ShallowState> ref = Runner.run(ReducedGd.from(phi, eta[i], points[i]), new StopRule(budget, tol), List.of());
            CellClass c = CellClass.of(out.cls(i));
            seen[c.ordinal()]++;
            if (ref.outcome() == Outcome.MAX_STEPS && c == CellClass.DIVERGED) {
                // it diverges within the period test's iterates after the budget: the run with a longer budget
                ref = Runner.run(ReducedGd.from(phi, eta[i], points[i]),
                        new StopRule(budget + Periodicity.SAMPLES, tol), List.of());
                assertThat(ref.outcome()).as("lane %d", i).isEqualTo(Outcome.DIVERGED);
                assertThat(ref.endStep()).as("lane %d", i).isGreaterThan(budget);
            }
            switch (ref.outcome()) {
                case CONVERGED -> assertThat(c).isEqualTo(CellClass.CONVERGED);
                case DIVERGED -> assertThat(c).isEqualTo(CellClass.DIVERGED);
                case MAX_STEPS -> assertThat(c.bounded()).as("lane %d", i).isTrue();
            }
            assertThat((long) out.steps(i)).as("lane %d", i).isEqualTo(ref.endStep());
            assertSameEnd(out, i, phi, ref);
        }
        assertThat(seen[CellClass.CONVERGED.ordinal()]).isPositive();
        assertThat(seen[CellClass.DIVERGED.ordinal()]).isPositive();
    }

    /** Lane order (tiling) does not change any lane's result. */
    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void resultsDoNotDependOnLaneOrder(long seed) {
        Random rng = new Random(seed);
        int n = 200;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            ReducedPoint r = ReducedPoint.canonical(0.0, 0.5 + 3 * rng.nextDouble());
            p[i] = r.p();
            q[i] = r.q();
            eta[i] = 0.2 + 1.4 * rng.nextDouble();
        }
        int[] perm = new int[n];
        java.util.Arrays.setAll(perm, i -> (i * 37 + 11) % n);
        double[] pp = new double[n];
        double[] qq = new double[n];
        double[] ee = new double[n];
        for (int i = 0; i < n; i++) {
            pp[i] = p[perm[i]];
            qq[i] = q[perm[i]];
            ee[i] = eta[perm[i]];
        }
        LaneResults o1 = new LaneResults(n);
        LaneResults o2 = new LaneResults(n);
        new LaneKernel(n).run(1.0, 1e-12, 2000, p, q, eta, n, o1);
        new LaneKernel(n).run(1.0, 1e-12, 2000, pp, qq, ee, n, o2);
        for (int i = 0; i < n; i++) {
            assertThat(o2.cls(i)).isEqualTo(o1.cls(perm[i]));
            assertThat(o2.steps(i)).isEqualTo(o1.steps(perm[i]));
            assertThat(o2.period(i)).isEqualTo(o1.period(perm[i]));
            assertThat(o2.p(i)).isEqualTo(o1.p(perm[i]));
            assertThat(o2.q(i)).isEqualTo(o1.q(perm[i]));
            assertThat(o2.maxResidual(i)).isEqualTo(o1.maxResidual(perm[i]));
        }
    }

    /** A periodic lane really is periodic: the reference orbit repeats with the reported period. */
    @ParameterizedTest
    @ValueSource(doubles = {1.1, 1.2, 1.3})
    void reportedPeriodsAreRealPeriods(double eta) {
        VectorPoint point = new StartSpec.Canonical(0.0, 1.0).point();
        ReducedPoint r = point.toReduced();
        LaneResults out = new LaneResults(1);
        new LaneKernel(1).run(1.0, 1e-12, 10000, new double[] {r.p()}, new double[] {r.q()}, new double[] {eta}, 1,
                out);
        assertThat(CellClass.of(out.cls(0))).isEqualTo(CellClass.PERIODIC);
        int per = out.period(0);
        assertThat(per).isBetween(2, Periodicity.MAX_PERIOD);
        ReducedGd gd = ReducedGd.from(1.0, eta, point);
        RunResult<ShallowState> res = Runner.run(gd, new StopRule(10000, 1e-12), List.of());
        assertThat(res.outcome()).isEqualTo(Outcome.MAX_STEPS);
        double[] eps = new double[per + 1];
        for (int k = 0; k <= per; k++) {
            eps[k] = gd.residual();
            gd.step();
        }
        assertThat(eps[per]).isCloseTo(eps[0], org.assertj.core.data.Offset.offset(1e-9));
        for (int k = 1; k < per; k++) {
            assertThat(Math.abs(eps[k] - eps[0])).as("not a shorter period").isGreaterThan(1e-6);
        }
    }

    /**
     * Bounded lanes are classified exactly as a scalar reference does it: ReducedGd to the budget, then
     * {@link Periodicity#SAMPLES} further iterates (slow, period 1, if |ε| meets tol among them; diverged with its
     * step if the norm passes the bound among them) fed to {@link Periodicity#period}. The mix includes lanes that
     * converge or diverge just after the budget, inside the tail window, where the kernel falls back from its
     * vectorized tail.
     */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void boundedLanesMatchAScalarTailReference(long seed) {
        Random rng = new Random(seed);
        int n = 257;
        double tol = 1e-12;
        double[] p = new double[n];
        double[] q = new double[n];
        double[] eta = new double[n];
        VectorPoint[] points = new VectorPoint[n];
        List<Long> convergenceSteps = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            points[i] = ReducedPoint.canonical(0.5 * rng.nextDouble() - 0.25, 0.5 + 3 * rng.nextDouble()).toVectors();
            ReducedPoint r = points[i].toReduced();
            p[i] = r.p();
            q[i] = r.q();
            eta[i] = 0.9 + 0.5 * rng.nextDouble();
            RunResult<ShallowState> pre = Runner.run(ReducedGd.from(1.0, eta[i], points[i]), new StopRule(20000, tol), List.of());
            if (pre.outcome() == Outcome.CONVERGED && pre.steps() > 200) {
                convergenceSteps.add(pre.steps());
            }
        }
        // a budget just before the median convergence step: some lanes converge inside the 128-step tail window
        java.util.Collections.sort(convergenceSteps);
        int budget = (int) (convergenceSteps.get(convergenceSteps.size() / 2) - 60);
        LaneResults out = new LaneResults(n);
        new LaneKernel(n).run(1.0, tol, budget, p.clone(), q.clone(), eta, n, out);
        int bounded = 0;
        int settledInTail = 0;
        for (int i = 0; i < n; i++) {
            ReducedGd gd = ReducedGd.from(1.0, eta[i], points[i]);
            RunResult<ShallowState> ref = Runner.run(gd, new StopRule(budget, tol), List.of());
            assertSameEnd(out, i, 1.0, out.steps(i) <= budget ? ref : Runner.run(ReducedGd.from(1.0, eta[i], points[i]),
                    new StopRule(budget + Periodicity.SAMPLES, tol), List.of()));
            if (ref.outcome() != Outcome.MAX_STEPS) {
                continue;
            }
            bounded++;
            double[] m = new double[Periodicity.SAMPLES];
            double[] l = new double[Periodicity.SAMPLES];
            int expected = -1;
            int divergedAt = -1;
            for (int j = 0; j < Periodicity.SAMPLES && expected < 0 && divergedAt < 0; j++) {
                if (Math.abs(gd.residual()) <= tol) {
                    expected = 1;
                    settledInTail++;
                } else {
                    m[j] = gd.product();
                    l[j] = gd.norm();
                    if (!gd.step()) {
                        divergedAt = budget + j + 1;
                    }
                }
            }
            if (divergedAt > 0) {
                assertThat(CellClass.of(out.cls(i))).as("lane %d", i).isEqualTo(CellClass.DIVERGED);
                assertThat(out.steps(i)).isEqualTo(divergedAt);
                continue;
            }
            if (expected < 0) {
                expected = Periodicity.period(m, l, 1.0);
            }
            assertThat((int) out.period(i)).as("lane %d", i).isEqualTo(expected);
            assertThat(CellClass.of(out.cls(i))).as("lane %d", i).isEqualTo(Periodicity.classOf(expected));
            assertThat(out.steps(i)).isEqualTo(budget);
        }
        assertThat(bounded).isGreaterThan(20);
        assertThat(settledInTail).as("lanes converging inside the tail window").isPositive();
    }

    /**
     * A lane's final state and largest residual are the reference run's, bit for bit: the last iterate (converged,
     * last finite, or at the budget, before the period test's further iterates), its sharpness, and max_loss.
     */
    private static void assertSameEnd(LaneResults out, int i, double phi, RunResult<ShallowState> ref) {
        ShallowState last = ref.last();
        double pp = out.p(i) * out.p(i);
        double qq = out.q(i) * out.q(i);
        assertThat(0.5 * (pp + qq)).as("norm of lane %d", i).isEqualTo(last.norm());
        assertThat(0.25 * (pp - qq)).as("product of lane %d", i).isEqualTo(last.product());
        assertThat(Math.abs(out.p(i) * out.q(i))).as("imbalance of lane %d", i).isEqualTo(last.imbalance());
        assertThat(out.sharpness(i, phi)).as("sharpness of lane %d", i).isEqualTo(last.sharpness());
        assertThat(out.maxLoss(i)).as("max loss of lane %d", i).isEqualTo(ref.maxLoss());
    }
}
