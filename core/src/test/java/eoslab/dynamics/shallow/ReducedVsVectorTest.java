package eoslab.dynamics.shallow;

import eoslab.EoslabTest;
import eoslab.model.shallow.Landmarks;
import eoslab.model.shallow.Regime;
import eoslab.model.shallow.VectorPoint;
import eoslab.spec.StartSpec;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact reduced map (docs/model.md §3) against GD on the full vectors: the same iterates, step by step, to relative
 * 1e-10 on the scale λ + |Φ| of the problem, over 1200 steps from seeded random starts at widths 1…1000, in the stable
 * and edge regimes.
 */
class ReducedVsVectorTest extends EoslabTest {
    private static final int STEPS = 1200;
    private static final double REL = 1e-10;
    private static final int[] WIDTHS = {1, 2, 3, 5, 10, 31, 100, 317, 1000};

    /** One seeded case: Φ, a Gaussian start with Q₀ = O(1), and η = c·2/λ_GF in the stable or the edge regime. */
    record Case(double phi, VectorPoint start, double eta, Regime regime) {
    }

    static Stream<Arguments> cases() {
        return IntStream.range(0, 72).mapToObj(i -> {
            Random rng = new Random(1000L + i);
            int d = WIDTHS[i % WIDTHS.length];
            double phi = (rng.nextBoolean() ? 1 : -1) * (0.3 + 2.0 * rng.nextDouble());
            double q = (0.3 + 1.7 * rng.nextDouble()) * Math.abs(phi);
            double sigma = Math.sqrt(q / (2.0 * d));
            VectorPoint start = new StartSpec.Gaussian(d, sigma, sigma * (0.5 + rng.nextDouble()),
                    rng.nextLong()).point();
            Landmarks lm = Landmarks.of(phi, start);
            boolean edge = i % 2 == 1;
            double c;
            if (edge) {
                double cMax = lm.beyondEta() / lm.edgeEta();
                c = 1.0 + (cMax - 1.0) * (0.05 + 0.6 * rng.nextDouble());
            } else {
                c = 0.1 + 0.85 * rng.nextDouble();
            }
            double eta = lm.absoluteEta(c);
            return Arguments.of(i, new Case(phi, start, eta, edge ? Regime.EDGE : Regime.STABLE));
        });
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void reducedMapEqualsFullVectorGdStepByStep(int index, Case c) {
        assertThat(Landmarks.of(c.phi(), c.start()).regime(c.eta())).isEqualTo(c.regime());
        ReducedGd reduced = ReducedGd.from(c.phi(), c.eta(), c.start());
        VectorGd vector = VectorGd.from(c.phi(), c.eta(), c.start());
        for (int k = 0; k <= STEPS; k++) {
            double scale = REL * (vector.norm() + Math.abs(c.phi()));
            assertThat(reduced.norm()).as("norm at step %d", k).isCloseTo(vector.norm(),
                    org.assertj.core.data.Offset.offset(REL * vector.norm()));
            assertThat(reduced.product()).as("product at step %d", k).isCloseTo(vector.product(), within(scale));
            assertThat(reduced.residual()).as("residual at step %d", k).isCloseTo(vector.residual(), within(scale));
            assertThat(reduced.imbalance()).as("imbalance at step %d", k).isCloseTo(vector.imbalance(), within(scale));
            assertThat(reduced.sharpness()).as("sharpness at step %d", k).isCloseTo(vector.sharpness(), within(scale));
            if (k % 300 == 0 || k == STEPS) {
                assertSamePoint(reduced.point(), vector.point(), REL * Math.sqrt(vector.norm()), k);
            }
            if (k < STEPS) {
                boolean r = reduced.step();
                boolean v = vector.step();
                assertThat(r).as("reduced step %d accepted", k + 1).isTrue();
                assertThat(v).as("vector step %d accepted", k + 1).isTrue();
            }
        }
        if (c.regime() == Regime.STABLE) {
            assertThat(Math.abs(vector.residual())).as("stable runs converge").isLessThan(1e-9);
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double tol) {
        return org.assertj.core.data.Offset.offset(tol);
    }

    static void assertSamePoint(VectorPoint x, VectorPoint y, double tol, long k) {
        assertThat(x.width()).isEqualTo(y.width());
        for (int i = 0; i < x.width(); i++) {
            assertThat(x.a(i)).as("a[%d] at step %d", i, k).isCloseTo(y.a(i), within(tol));
            assertThat(x.b(i)).as("b[%d] at step %d", i, k).isCloseTo(y.b(i), within(tol));
        }
    }
}
