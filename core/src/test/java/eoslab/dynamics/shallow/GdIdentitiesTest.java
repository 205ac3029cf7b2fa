package eoslab.dynamics.shallow;

import eoslab.EoslabTest;
import eoslab.dynamics.Outcome;
import eoslab.dynamics.RunResult;
import eoslab.dynamics.Runner;
import eoslab.dynamics.StepObserver;
import eoslab.dynamics.StopRule;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.ShallowState;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The identities of docs/model.md §2, §3, §6 and §7 along real GD runs on the full vectors ({@link VectorGd}, which knows
 * nothing of them): one-step maps of ε, λ, Q and ‖a‖² − ‖b‖², λ² = Q² + 4m², the product formula for Q∞ and the
 * sharpness of the limit, and scale invariance.
 */
class GdIdentitiesTest extends EoslabTest {

    /** Seeded runs: width, Φ (both signs), a Gaussian start and η = c·2/λ_GF with c from 0.2 to just below 1/|Φ|. */
    static Stream<Arguments> runs() {
        return IntStream.range(0, 40).mapToObj(i -> {
            Random rng = new Random(4400L + i);
            int d = 1 + rng.nextInt(40);
            double phi = (i % 4 == 0 ? -1 : 1) * (0.3 + 2 * rng.nextDouble());
            double sigma = Math.sqrt((0.2 + 1.5 * rng.nextDouble()) * Math.abs(phi) / (2.0 * d));
            VectorPoint start = new StartSpec.Gaussian(d, sigma, sigma * (0.4 + rng.nextDouble()),
                    rng.nextLong()).point();
            Landmarks lm = Landmarks.of(phi, start);
            double cMax = Math.min(lm.beyondEta() / lm.edgeEta(), 1.9);
            double c = 0.2 + (0.97 * cMax - 0.2) * rng.nextDouble();
            return Arguments.of(i, phi, start, lm.absoluteEta(c));
        });
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void oneStepMapsHoldAlongTheRun(int index, double phi, VectorPoint start, double eta) {
        VectorGd gd = VectorGd.from(phi, eta, start);
        double[] a = start.a();
        double[] b = start.b();
        for (int k = 0; k < 400; k++) {
            double eps = gd.residual();
            double lambda = gd.norm();
            double m = gd.product();
            double q = gd.imbalance();
            double gap = gap(a, b);
            double scale = lambda + Math.abs(phi);
            assertThat(lambda * lambda).as("λ² = Q² + 4m² at %d", k).isCloseTo(q * q + 4 * m * m,
                    within(1e-13 * scale * scale));
            assertThat(gd.step()).isTrue();
            VectorPoint next = gd.point();
            a = next.a();
            b = next.b();
            double h = eta * eps;
            assertThat(gd.residual()).as("ε⁺ = ε(1 − ηλ + η²εm) at %d", k)
                    .isCloseTo(eps * (1 - eta * lambda + eta * eta * eps * m), within(1e-13 * scale * (1 + h * h)));
            assertThat(gd.norm()).as("λ⁺ = (1+η²ε²)λ − 4ηεm at %d", k)
                    .isCloseTo((1 + h * h) * lambda - 4 * h * m, within(1e-13 * scale * (1 + h * h)));
            assertThat(gd.imbalance()).as("Q⁺ = |1 − η²ε²|Q at %d", k)
                    .isCloseTo(Math.abs(1 - h * h) * q, within(1e-13 * scale * (1 + h * h)));
            assertThat(gap(a, b)).as("(‖a‖²−‖b‖²)⁺ = (1 − η²ε²)(‖a‖²−‖b‖²) at %d", k)
                    .isCloseTo((1 - h * h) * gap, within(1e-13 * scale * (1 + h * h)));
        }
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void convergedLimitHasSharpnessFromItsImbalanceAndQInfinityIsTheProduct(int index, double phi, VectorPoint start,
                                                                          double eta) {
        double[] logQ = {Math.log(start.imbalance())};
        StepObserver<ShallowState> product = new StepObserver<>() {
            private double eps;

            @Override
            public void start(ShallowState stepper) {
                eps = stepper.residual();
            }

            @Override
            public void step(long k, ShallowState it) {
                logQ[0] += Math.log(Math.abs(1 - eta * eta * eps * eps));
                eps = it.residual();
            }
        };
        RunResult<ShallowState> r = Runner.run(VectorGd.from(phi, eta, start), new StopRule(2_000_000, 1e-12), List.of(product));
        assertThat(r.outcome()).isEqualTo(Outcome.CONVERGED);
        ShallowState last = r.last();
        double lambdaGf = Landmarks.of(phi, start).gfSharpness();
        assertThat(last.imbalance()).as("Q∞ = Q₀∏|1 − η²ε²|").isCloseTo(Math.exp(logQ[0]),
                within(1e-10 * last.imbalance() + 1e-13 * last.norm()));
        // at the stop |ε| ≤ 1e-12, so λ = √(4(Φ + ε)² + Q²) differs from the limit formula by about 4|Φε|/λ
        assertThat(last.norm()).as("λ∞ = √(4Φ² + Q∞²)").isCloseTo(Math.hypot(2 * phi, last.imbalance()),
                within(1e-12 * last.norm() + 4 * Math.abs(phi * last.residual()) / last.norm()));
        assertThat(last.sharpness()).as("S = λ at a minimum").isCloseTo(last.norm(),
                within(1e-12 * last.norm() + 4 * Math.abs(last.product() * last.residual()) / last.norm()));
        assertThat(last.norm()).as("GD ends no sharper than GF").isLessThanOrEqualTo(lambdaGf * (1 + 1e-12));
        assertThat(last.sharpness()).as("the limit is stable for GD").isLessThan(2 / eta);
    }

    @ParameterizedTest(name = "run {0}")
    @MethodSource("runs")
    void dynamicsAreScaleInvariant(int index, double phi, VectorPoint start, double eta) {
        double k = Math.sqrt(Math.abs(phi));
        double[] a = start.a();
        double[] b = start.b();
        for (int i = 0; i < a.length; i++) {
            a[i] /= k;
            b[i] /= k;
        }
        VectorGd original = VectorGd.from(phi, eta, start);
        VectorGd scaled = VectorGd.from(Math.signum(phi), eta * Math.abs(phi), VectorPoint.of(a, b));
        for (int s = 0; s <= 300; s++) {
            double tol = 1e-10 * (original.norm() + Math.abs(phi));
            assertThat(scaled.residual() * Math.abs(phi)).as("ε at %d", s).isCloseTo(original.residual(), within(tol));
            assertThat(scaled.norm() * Math.abs(phi)).as("λ at %d", s).isCloseTo(original.norm(), within(tol));
            assertThat(scaled.imbalance() * Math.abs(phi)).as("Q at %d", s).isCloseTo(original.imbalance(),
                    within(tol));
            assertThat(original.step()).isTrue();
            assertThat(scaled.step()).isTrue();
        }
    }

    private static double gap(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * a[i] - b[i] * b[i];
        }
        return s;
    }
}
