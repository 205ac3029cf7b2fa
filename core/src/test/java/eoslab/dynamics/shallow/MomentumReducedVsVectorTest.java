package eoslab.dynamics.shallow;

import eoslab.EoslabTest;
import eoslab.method.HeavyBall;
import eoslab.method.Method;
import eoslab.method.Nesterov;
import eoslab.method.Schedule;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.Regime;
import eoslab.model.shallow.ShallowModel;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact 4-variable map of heavy ball and Nesterov (docs/models.md §2, {@link ReducedMomentum}) against the
 * methods' own update on the full vectors ({@link VectorMethod}, i.e. {@code Method.advance} in the generic
 * {@code VectorStepper}): the same iterates step by step, to relative 1e-10 on the scale λ + |Φ|, over 1000 steps from
 * seeded random starts at widths 1…1000, β from 0.1 to 0.9, in the stable and edge regimes of each method's own
 * stability edge (runs that converge within the 1000 steps), a quarter of them with a warm-up or cosine schedule.
 */
class MomentumReducedVsVectorTest extends EoslabTest {
    private static final int STEPS = 1000;
    private static final double REL = 1e-10;
    private static final int[] WIDTHS = {1, 2, 3, 5, 10, 31, 100, 317, 1000};

    /** One seeded case. */
    record Case(double phi, VectorPoint start, Method method, Regime regime) {
    }

    static Stream<Arguments> cases() {
        return IntStream.range(0, 72).mapToObj(i -> Arguments.of(i, draw(i)));
    }

    /**
     * Case i: seeded draws until the reduced run converges within the budget without passing next to the saddle
     * a = b = 0 (a diverging or chaotic orbit, or one that shrinks the vectors to a few percent of |Φ| and grows them
     * again, amplifies rounding differences until no two engines agree; the selection uses the reduced engine only).
     */
    private static Case draw(int i) {
        Random rng = new Random(7000L + i);
        while (true) {
            int d = WIDTHS[i % WIDTHS.length];
            double phi = (rng.nextBoolean() ? 1 : -1) * (0.3 + 2.0 * rng.nextDouble());
            double q = (0.3 + 1.7 * rng.nextDouble()) * Math.abs(phi);
            double sigma = Math.sqrt(q / (2.0 * d));
            VectorPoint start = new StartSpec.Gaussian(d, sigma, sigma * (0.5 + rng.nextDouble()),
                    rng.nextLong()).point();
            Landmarks lm = Landmarks.of(phi, start);
            double beta = 0.1 + 0.8 * rng.nextDouble();
            boolean nesterov = i % 4 >= 2;
            double kappa = nesterov ? (1 + beta) / (1 + 2 * beta) : 1 + beta;
            boolean edge = i % 2 == 1;
            double c;
            if (edge) {
                double cMax = lm.beyondEta() / lm.edgeEta();
                c = kappa * (1.0 + (cMax - 1.0) * (0.05 + 0.6 * rng.nextDouble()));
            } else {
                c = kappa * (0.1 + 0.85 * rng.nextDouble());
            }
            double eta = lm.absoluteEta(c);
            Schedule schedule = switch (i % 8) {
                case 5 -> new Schedule.Warmup(eta, 0.1 * eta, 50);
                case 6 -> new Schedule.Cosine(eta, 0.5 * eta, 700);
                default -> new Schedule.Constant(eta);
            };
            Method m = nesterov ? new Nesterov(beta, schedule) : new HeavyBall(beta, schedule);
            ReducedMomentum probe = ReducedMomentum.from(ShallowModel.of(phi, d), m, start);
            int k = 0;
            double low = probe.norm();
            while (k < STEPS && probe.step()) {
                k++;
                low = Math.min(low, probe.norm());
            }
            if (k == STEPS && Math.abs(probe.residual()) < 1e-9 * Math.abs(phi) && low > 0.05 * Math.abs(phi)) {
                return new Case(phi, start, m, edge ? Regime.EDGE : Regime.STABLE);
            }
        }
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void reducedMapEqualsFullVectorMomentumStepByStep(int index, Case c) {
        Landmarks lm = Landmarks.of(c.phi(), c.start());
        assertThat(lm.regime(c.method().schedule().nominal(), c.method().edgeFactor())).isEqualTo(c.regime());
        ShallowModel model = ShallowModel.of(c.phi(), c.start().width());
        ReducedMomentum reduced = ReducedMomentum.from(model, c.method(), c.start());
        VectorMethod vector = VectorMethod.from(model, c.method(), c.start());
        for (int k = 0; k <= STEPS; k++) {
            double scale = REL * (vector.norm() + Math.abs(c.phi()));
            assertThat(reduced.norm()).as("norm at step %d", k).isCloseTo(vector.norm(), Offset.offset(scale));
            assertThat(reduced.product()).as("product at step %d", k).isCloseTo(vector.product(),
                    Offset.offset(scale));
            assertThat(reduced.residual()).as("residual at step %d", k).isCloseTo(vector.residual(),
                    Offset.offset(scale));
            assertThat(reduced.imbalance()).as("imbalance at step %d", k).isCloseTo(vector.imbalance(),
                    Offset.offset(scale));
            assertThat(reduced.sharpness()).as("sharpness at step %d", k).isCloseTo(vector.sharpness(),
                    Offset.offset(scale));
            if (k % 250 == 0) {
                ReducedVsVectorTest.assertSamePoint(reduced.point(), vector.point(), REL * Math.sqrt(vector.norm()),
                        k);
            }
            if (k < STEPS) {
                assertThat(reduced.step()).as("reduced step %d accepted", k + 1).isTrue();
                assertThat(vector.step()).as("vector step %d accepted", k + 1).isTrue();
            }
        }
    }

    static Stream<Arguments> everySixthCase() {
        return cases().filter(a -> (int) a.get()[0] % 6 == 0);
    }

    /** The generic engine of every model (VectorStepper on θ = [a; b]) gives the same iterates as the reduced map. */
    @ParameterizedTest(name = "case {0}")
    @MethodSource("everySixthCase")
    void genericVectorStepperAgreesWithTheReducedMap(int index, Case c) {
        ShallowModel model = ShallowModel.of(c.phi(), c.start().width());
        ReducedMomentum reduced = ReducedMomentum.from(model, c.method(), c.start());
        eoslab.dynamics.generic.VectorStepper generic = new eoslab.dynamics.generic.VectorStepper(model, c.method(),
                ShallowModel.theta(c.start()));
        double[] theta = new double[model.dimension()];
        for (int k = 1; k <= STEPS; k++) {
            assertThat(reduced.step()).isTrue();
            assertThat(generic.step()).isTrue();
            if (k % 250 == 0) {
                generic.theta(theta);
                ReducedVsVectorTest.assertSamePoint(reduced.point(), model.point(theta),
                        REL * Math.sqrt(reduced.norm() + Math.abs(c.phi())), k);
            }
        }
    }
}
