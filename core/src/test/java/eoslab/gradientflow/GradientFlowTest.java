package eoslab.gradientflow;

import eoslab.EoslabTest;
import eoslab.sharpness.DenseSharpness;
import eoslab.sharpness.Fixtures;
import eoslab.sharpness.LanczosSharpness;
import eoslab.sharpness.ShallowTestModel;
import eoslab.sharpness.SpectralModel;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradientFlowTest extends EoslabTest {

    /** The closed-form flow of the shallow model (model.md §5): ε(t) = (u(t)P − M/u(t))/4 − Φ. */
    private static double closedFormResidual(ShallowTestModel model, double[] theta0, double t) {
        int d = model.width();
        double p = 0;
        double m = 0;
        for (int i = 0; i < d; i++) {
            double s = theta0[i] + theta0[d + i];
            double r = theta0[i] - theta0[d + i];
            p += s * s;
            m += r * r;
        }
        double phi = model.phi();
        double lambdaGf = model.gfSharpness(theta0);
        double uPlus = (2 * phi + lambdaGf) / p;
        double uMinus = (2 * phi - lambdaGf) / p;
        double c = (1 - uPlus) / (1 - uMinus);
        double e = c * Math.exp(-lambdaGf * t);
        double u = (uPlus - uMinus * e) / (1 - e);
        return (u * p - m / u) / 4 - phi;
    }

    /** The first time |ε(t)| ≤ τ of the closed form, by bisection (|ε| decreases monotonically along GF). */
    private static double closedFormTimeToTolerance(ShallowTestModel model, double[] theta0, double tau) {
        double lo = 0;
        double hi = 1;
        while (Math.abs(closedFormResidual(model, theta0, hi)) > tau) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (Math.abs(closedFormResidual(model, theta0, mid)) > tau) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    @Test
    void quadraticTrajectoryMatchesTheExactSolution() {
        Random rnd = new Random(61);
        int n = 40;
        double[] lambda = Fixtures.spectrum(n, 0.5, 3, rnd);
        SpectralModel model = SpectralModel.quadratic(lambda, 4, 62).withLinear(Fixtures.gaussian(n, 1, rnd));
        double[] theta0 = Fixtures.gaussian(n, 2, rnd);
        GradientFlowResult r = GradientFlow.solve(model, theta0, GradientFlowSpec.toTime(4).withUniformSamples(9));
        assertThat(r.outcome()).isEqualTo(GradientFlowResult.Outcome.TIME_LIMIT);
        assertThat(r.time()).isEqualTo(4);
        assertThat(r.reachedTolerance()).isFalse();
        assertThat(r.samples()).hasSize(9);
        assertThat(r.conservedDrift()).isZero();
        double[] star = model.minimizer();
        double[] y0 = new double[n];
        for (int i = 0; i < n; i++) {
            y0[i] = theta0[i] - star[i];
        }
        model.applyQt(y0, y0);
        for (GradientFlowResult.Sample s : r.samples()) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = Math.exp(-lambda[i] * s.time()) * y0[i];
            }
            model.applyQ(y, y);
            for (int i = 0; i < n; i++) {
                assertThat(s.theta(i)).as("t=%s i=%d", s.time(), i).isCloseTo(star[i] + y[i], within(1e-11));
            }
            assertThat(s.loss()).isEqualTo(model.loss(s.theta()));
        }
        assertThat(r.samples().get(0).time()).isZero();
        assertThat(r.samples().get(0).theta()).containsExactly(theta0);
        assertThat(r.samples().get(8).theta()).containsExactly(r.theta());
        assertThat(r.gradientEvaluations()).isPositive();
    }

    @Test
    void shallowFlowEndsAtTheClosedFormGfSharpnessAndConservesQ() {
        Random rnd = new Random(63);
        for (double phi : new double[]{1, -2}) {
            for (int d : new int[]{1, 40}) {
                ShallowTestModel model = new ShallowTestModel(d, phi);
                double[] theta0 = Fixtures.gaussian(2 * d, 1.2 / Math.sqrt(d), rnd);
                double lambdaGf = model.gfSharpness(theta0);
                GradientFlowSpec spec = GradientFlowSpec.toTolerance(1e-12, 100);
                GfsSharpness lanczos = GradientFlow.gfsSharpness(model, theta0, spec, new LanczosSharpness());
                GfsSharpness dense = GradientFlow.gfsSharpness(model, theta0, spec, new DenseSharpness());
                String what = "Φ=" + phi + " d=" + d;
                assertThat(lanczos.reachedTolerance()).as(what).isTrue();
                assertThat(lanczos.value()).as(what).isCloseTo(lambdaGf, within(1e-9 * lambdaGf));
                assertThat(dense.value()).as(what).isCloseTo(lambdaGf, within(1e-9 * lambdaGf));
                assertThat(lanczos.errorBound()).isLessThan(1e-9 * lambdaGf);
                assertThat(lanczos.flowTime()).isEqualTo(dense.flowTime());
                GradientFlowResult flow = lanczos.flow();
                assertThat(flow.outcome()).isEqualTo(GradientFlowResult.Outcome.TOLERANCE);
                assertThat(flow.timeToTolerance().getAsDouble()).isEqualTo(lanczos.flowTime());
                assertThat(flow.time()).isGreaterThanOrEqualTo(lanczos.flowTime())
                        .isCloseTo(lanczos.flowTime(), within(1e-12 * lanczos.flowTime()));
                assertThat(flow.loss()).isLessThanOrEqualTo(0.5e-24 * (1 + 1e-6));
                assertThat(flow.loss()).isGreaterThan(0.5e-24 * (1 - 1e-3));
                        assertThat(flow.conservedDrift()).as(what).isLessThan(1e-9);
                double q0 = model.imbalance(theta0);
                assertThat(model.imbalance(flow.theta())).isCloseTo(q0, within(1e-9 * q0));
                assertThat(model.closedFormSharpness(flow.theta())).isCloseTo(lanczos.value(),
                        within(1e-10 * lambdaGf));
            }
        }
    }

    @Test
    void timeToToleranceAndFinalRateMatchTheClosedForm() {
        Random rnd = new Random(65);
        int d = 20;
        ShallowTestModel model = new ShallowTestModel(d, 1);
        double[] theta0 = Fixtures.gaussian(2 * d, 0.3, rnd);
        double lambdaGf = model.gfSharpness(theta0);
        double tau = 1e-6;
        double exact = closedFormTimeToTolerance(model, theta0, tau);
        double t1 = exact - 2 / lambdaGf;
        double t2 = exact - 0.5 / lambdaGf;
        GradientFlowSpec spec = GradientFlowSpec.toTolerance(tau, 10 * exact).withSamples(t1, t2);
        GradientFlowResult r = GradientFlow.solve(model, theta0, spec);
        assertThat(r.timeToTolerance()).isPresent();
        assertThat(r.timeToTolerance().getAsDouble()).isCloseTo(exact, within(1e-7 * exact));
        List<GradientFlowResult.Sample> s = r.samples();
        assertThat(s).hasSize(2);
        // L = ε²/2 with ε ∝ e^{−λ_GF t}(1 + O(ε)) near the end: d ln L / dt → −2 λ_GF
        double slope = (Math.log(s.get(1).loss()) - Math.log(s.get(0).loss())) / (t2 - t1);
        assertThat(slope).isCloseTo(-2 * lambdaGf, within(1e-3 * lambdaGf));
        // the samples also follow the closed form
        for (GradientFlowResult.Sample sample : s) {
            double eps = closedFormResidual(model, theta0, sample.time());
            assertThat(sample.loss()).isCloseTo(0.5 * eps * eps, within(1e-6 * 0.5 * eps * eps));
        }
    }

    @Test
    void continuingPastTheToleranceRecordsTheSameTime() {
        Random rnd = new Random(67);
        ShallowTestModel model = new ShallowTestModel(5, 1);
        double[] theta0 = Fixtures.gaussian(10, 0.5, rnd);
        GradientFlowSpec spec = GradientFlowSpec.toTolerance(1e-4, 30);
        GradientFlowResult stopped = GradientFlow.solve(model, theta0, spec);
        GradientFlowResult continued = GradientFlow.solve(model, theta0, spec.continuingPastTolerance());
        assertThat(stopped.outcome()).isEqualTo(GradientFlowResult.Outcome.TOLERANCE);
        assertThat(continued.outcome()).isEqualTo(GradientFlowResult.Outcome.TIME_LIMIT);
        assertThat(continued.time()).isEqualTo(30);
        assertThat(continued.timeToTolerance().getAsDouble())
                .isCloseTo(stopped.timeToTolerance().getAsDouble(), within(1e-8));
        assertThat(continued.loss()).isLessThan(stopped.loss() * 1e-6);
    }

    @Test
    void aTimeLimitBeforeConvergenceIsReported() {
        Random rnd = new Random(69);
        ShallowTestModel model = new ShallowTestModel(5, 1);
        double[] theta0 = Fixtures.gaussian(10, 0.5, rnd);
        GradientFlowResult r = GradientFlow.solve(model, theta0,
                GradientFlowSpec.toTolerance(1e-12, 0.5).withSamples(0, 0.25, 0.5));
        assertThat(r.outcome()).isEqualTo(GradientFlowResult.Outcome.TIME_LIMIT);
        assertThat(r.reachedTolerance()).isFalse();
        assertThat(r.time()).isEqualTo(0.5);
        assertThat(r.samples()).extracting(GradientFlowResult.Sample::time).containsExactly(0.0, 0.25, 0.5);
        assertThat(r.loss()).isLessThan(model.loss(theta0));
        GfsSharpness g = GradientFlow.gfsSharpness(model, theta0, GradientFlowSpec.toTolerance(1e-12, 0.5),
                new DenseSharpness());
        assertThat(g.reachedTolerance()).isFalse();
        assertThat(g.flowTime()).isEqualTo(0.5);
    }

    @Test
    void aConvergedStartStopsAtTimeZero() {
        ShallowTestModel model = new ShallowTestModel(2, 1);
        double[] theta0 = {1, 0, 1, 0};
        GradientFlowResult r = GradientFlow.solve(model, theta0,
                GradientFlowSpec.toTolerance(1e-12, 5).withSamples(0, 1));
        assertThat(r.outcome()).isEqualTo(GradientFlowResult.Outcome.TOLERANCE);
        assertThat(r.timeToTolerance().getAsDouble()).isZero();
        assertThat(r.time()).isZero();
        assertThat(r.gradientEvaluations()).isZero();
        assertThat(r.samples()).hasSize(1);
        assertThat(r.theta()).containsExactly(theta0);
        GfsSharpness g = GradientFlow.gfsSharpness(model, theta0, GradientFlowSpec.toTolerance(1e-12, 5),
                new DenseSharpness());
        assertThat(g.value()).as("S = λ = ‖a‖² + ‖b‖² at a minimum").isCloseTo(2, within(1e-13));
    }

    @Test
    void aModelWithoutFiniteMinimumRunsOnlyToATimeLimit() {
        Random rnd = new Random(71);
        SpectralModel unbounded = SpectralModel.quadratic(Fixtures.spectrum(10, -1, 1, rnd), 2, 72);
        double[] theta0 = Fixtures.gaussian(10, 1, rnd);
        assertThatThrownBy(() -> GradientFlow.solve(unbounded, theta0, GradientFlowSpec.toTolerance(1e-6, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
        GradientFlowResult r = GradientFlow.solve(unbounded, theta0, GradientFlowSpec.toTime(1));
        assertThat(r.outcome()).isEqualTo(GradientFlowResult.Outcome.TIME_LIMIT);
        assertThat(r.loss()).isLessThan(unbounded.loss(theta0));
        assertThatThrownBy(() -> GradientFlow.gfsSharpness(unbounded, theta0, GradientFlowSpec.toTime(1),
                new DenseSharpness())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("τ > 0");
    }

    @Test
    void theOdeAdapterIsTheNegativeGradient() {
        ShallowTestModel model = new ShallowTestModel(2, 0.5);
        GradientFlowOde ode = new GradientFlowOde(model);
        double[] y = {1, 2, 3, 4};
        double[] dy = ode.computeDerivatives(0, y);
        double eps = 1 * 3 + 2 * 4 - 0.5;
        assertThat(dy).containsExactly(-eps * 3, -eps * 4, -eps * 1, -eps * 2);
        assertThat(ode.getDimension()).isEqualTo(4);
        assertThat(ode.evaluations()).isEqualTo(1);
    }

    @Test
    void specsAreValidated() {
        assertThatThrownBy(() -> GradientFlowSpec.toTolerance(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradientFlowSpec.toTolerance(1e-6, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradientFlowSpec.toTime(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GradientFlowSpec.toTime(1).withSamples(0.5, 0.2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-decreasing");
        assertThatThrownBy(() -> GradientFlowSpec.toTime(1).withSamples(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThatThrownBy(() -> GradientFlowSpec.toTime(1).withOdeTolerances(0, 1e-10))
                .isInstanceOf(IllegalArgumentException.class);
        GradientFlowSpec s = GradientFlowSpec.toTolerance(1e-3, 2).withUniformSamples(3);
        assertThat(s.sampleTimes()).containsExactly(0, 1, 2);
        assertThat(s.lossGap()).isCloseTo(5e-7, within(1e-20));
        double[] times = s.sampleTimes();
        times[0] = 7;
        assertThat(s.sampleTimes()[0]).isZero();
        assertThat(s).isEqualTo(GradientFlowSpec.toTolerance(1e-3, 2).withSamples(0, 1, 2));
    }
}
