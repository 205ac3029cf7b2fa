package eoslab.model.shallow;

import eoslab.EoslabTest;
import eoslab.dynamics.Engine;
import eoslab.dynamics.shallow.Engines;
import eoslab.dynamics.shallow.ShallowStepper;
import eoslab.spec.StartSpec;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * docs/model.md §8: GD with step η on the data loss (1/2n)Σ(aᵀb·xᵢ − yᵢ)², computed here from the full data gradient, equals
 * GD on ½(aᵀb − Φ)² with step ησ², and the two losses differ by σ² and a constant.
 */
class ScalarDataSetTest extends EoslabTest {

    static Stream<Arguments> dataSets() {
        return IntStream.range(0, 12).mapToObj(i -> {
            Random rng = new Random(900L + i);
            int n = 1 + rng.nextInt(30);
            double[] x = new double[n];
            double[] y = new double[n];
            double slope = 3 * rng.nextGaussian();
            for (int j = 0; j < n; j++) {
                x[j] = 2 * rng.nextGaussian();
                y[j] = slope * x[j] + 0.5 * rng.nextGaussian();
            }
            int d = 1 + rng.nextInt(6);
            return Arguments.of(i, x, y, new StartSpec.Gaussian(d, 0.4, 0.4, rng.nextLong()).point(),
                    i % 2 == 0 ? Engine.REDUCED : Engine.VECTOR);
        });
    }

    private static double dataLoss(double m, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = m * x[i] - y[i];
            s += r * r;
        }
        return s / (2.0 * x.length);
    }

    @ParameterizedTest(name = "data set {0}")
    @MethodSource("dataSets")
    void gdOnTheDataEqualsGdOnTheModelWithStepEtaSigma2(int index, double[] x, double[] y, VectorPoint start,
                                                        Engine engine) {
        ScalarDataSet data = ScalarDataSet.of(x, y);
        int n = x.length;
        double sxx = 0;
        for (double v : x) {
            sxx += v * v;
        }
        double eta = 0.4 / (sxx / n * Math.max(start.norm(), 2 * Math.abs(data.phi()) + 1));
        double[] a = start.a();
        double[] b = start.b();
        ShallowStepper model = Engines.stepper(data.phi(), data.modelEta(eta), start, engine);
        for (int k = 0; k <= 300; k++) {
            double m = 0;
            for (int i = 0; i < a.length; i++) {
                m += a[i] * b[i];
            }
            double tol = 1e-10 * (1 + Math.abs(m));
            assertThat(model.product()).as("m at step %d", k).isCloseTo(m, within(tol));
            assertThat(data.sigma2() * model.loss() + data.offset()).as("data loss at step %d", k)
                    .isCloseTo(dataLoss(m, x, y), within(1e-10 * (1 + dataLoss(m, x, y))));
            if (k % 100 == 0) {
                VectorPoint p = model.point();
                for (int i = 0; i < a.length; i++) {
                    assertThat(p.a(i)).isCloseTo(a[i], within(1e-10));
                    assertThat(p.b(i)).isCloseTo(b[i], within(1e-10));
                }
            }
            double g = 0;
            for (int i = 0; i < n; i++) {
                g += (m * x[i] - y[i]) * x[i];
            }
            g /= n;
            for (int i = 0; i < a.length; i++) {
                double ai = a[i];
                a[i] = ai - eta * g * b[i];
                b[i] = b[i] - eta * g * ai;
            }
            assertThat(model.step()).isTrue();
        }
    }

    @Test
    void reductionValues() {
        ScalarDataSet d = ScalarDataSet.of(new double[] {1, 2, -1}, new double[] {2, 3, 0});
        assertThat(d.n()).isEqualTo(3);
        assertThat(d.sigma2()).isCloseTo(2.0, within(1e-15));
        assertThat(d.phi()).isCloseTo(8.0 / 6.0, within(1e-15));
        assertThat(d.modelEta(0.25)).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void rejectsBadData() {
        assertThatThrownBy(() -> ScalarDataSet.of(new double[0], new double[0])).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> ScalarDataSet.of(new double[] {1}, new double[] {1, 2})).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> ScalarDataSet.of(new double[] {0, 0}, new double[] {1, 2}))
                .hasMessageContaining("non-zero x");
        assertThatThrownBy(() -> ScalarDataSet.of(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .hasMessageContaining("finite");
    }
}
