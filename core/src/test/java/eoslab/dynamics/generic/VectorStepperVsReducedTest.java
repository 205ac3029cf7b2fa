package eoslab.dynamics.generic;

import eoslab.EoslabTest;
import eoslab.dynamics.shallow.ReducedGd;
import eoslab.method.GradientDescent;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.Regime;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generic engine on the shallow model equals the exact reduced map (docs/model.md §3): over 1000 steps, at
 * every step, ‖θ‖² = λ to relative 1e-10 and √(2L) = |ε| to 1e-10 on the scale λ + |Φ|, and θ equals the reduced
 * map's vectors to 1e-10·‖θ‖ every 250 steps; seeded starts of widths 1…1000, stable and edge steps.
 */
class VectorStepperVsReducedTest extends EoslabTest {
    private static final int STEPS = 1000;
    private static final double REL = 1e-10;
    private static final int[] WIDTHS = {1, 2, 3, 10, 33, 100, 333, 1000};

    @TestFactory
    Stream<DynamicTest> genericEngineEqualsTheReducedMap() {
        return IntStream.range(0, 2 * WIDTHS.length).mapToObj(i -> {
            int d = WIDTHS[i / 2];
            boolean edge = i % 2 == 1;
            double phi = (rng.nextBoolean() ? 1 : -1) * (0.3 + 2.0 * rng.nextDouble());
            double q = (0.3 + 1.7 * rng.nextDouble()) * Math.abs(phi);
            double sigma = Math.sqrt(q / (2.0 * d));
            VectorPoint start = new StartSpec.Gaussian(d, sigma, sigma * (0.5 + rng.nextDouble()), rng.nextLong())
                    .point();
            Landmarks lm = Landmarks.of(phi, start);
            double c = edge ? 1.0 + (lm.beyondEta() / lm.edgeEta() - 1.0) * (0.05 + 0.6 * rng.nextDouble())
                    : 0.1 + 0.85 * rng.nextDouble();
            double eta = lm.absoluteEta(c);
            return DynamicTest.dynamicTest(String.format("d=%d phi=%.3f c=%.3f", d, phi, c),
                    () -> compare(phi, start, eta, edge ? Regime.EDGE : Regime.STABLE));
        });
    }

    private static void compare(double phi, VectorPoint start, double eta, Regime regime) {
        assertThat(Landmarks.of(phi, start).regime(eta)).isEqualTo(regime);
        ShallowModel model = ShallowModel.of(phi, start.width());
        VectorStepper generic = new VectorStepper(model, GradientDescent.constant(eta), ShallowModel.theta(start));
        ReducedGd reduced = ReducedGd.from(phi, eta, start);
        double[] theta = new double[model.dimension()];
        for (int k = 0; k <= STEPS; k++) {
            double scale = REL * (reduced.norm() + Math.abs(phi));
            assertThat(generic.normSquared()).as("λ at step %d", k).isCloseTo(reduced.norm(),
                    within(REL * reduced.norm()));
            assertThat(generic.residualNorm()).as("|ε| at step %d", k).isCloseTo(Math.abs(reduced.residual()),
                    within(scale));
            if (k % 250 == 0) {
                generic.theta(theta);
                double[] ref = ShallowModel.theta(reduced.point());
                double dist = 0;
                double norm = 0;
                for (int i = 0; i < theta.length; i++) {
                    dist += (theta[i] - ref[i]) * (theta[i] - ref[i]);
                    norm += ref[i] * ref[i];
                }
                assertThat(Math.sqrt(dist)).as("‖θ − θ_reduced‖ at step %d", k).isLessThanOrEqualTo(
                        REL * Math.sqrt(norm));
            }
            if (k < STEPS) {
                assertThat(generic.step()).as("generic step %d", k + 1).isTrue();
                assertThat(reduced.step()).as("reduced step %d", k + 1).isTrue();
            }
        }
        if (regime == Regime.STABLE) {
            assertThat(generic.residualNorm()).as("stable runs converge").isLessThan(1e-9);
        }
    }
}
