package eoslab.sharpness;

import eoslab.EoslabTest;
import eoslab.model.Layout;
import eoslab.model.Model;
import java.util.Random;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DenseSharpnessTest extends EoslabTest {

    @Test
    void findsAKnownSpectrumWithItsVectors() {
        Random rnd = new Random(21);
        int n = 60;
        double[] lambda = Fixtures.spectrum(n, -20, 6, rnd, 10, 10 - 1e-8, 7.5, -30);
        SpectralModel model = SpectralModel.quadratic(lambda, 5, 22);
        Sharpness s = new DenseSharpness(5, true).estimate(model, Fixtures.gaussian(n, 1, rnd));
        double[] expected = Fixtures.descending(lambda);
        assertThat(s.method()).isEqualTo(Sharpness.DENSE);
        assertThat(s.converged()).isTrue();
        assertThat(s.hvps()).isEqualTo(n + 5);
        for (int i = 0; i < 5; i++) {
            assertThat(s.eigenvalue(i)).isCloseTo(expected[i], within(1e-12));
            assertThat(s.residual(i)).isLessThan(1e-12);
            assertThat(Fixtures.norm(s.eigenvector(i))).isCloseTo(1, within(1e-14));
        }
        // the eigenvector of the isolated 7.5 is ±Q e_j (the pair at 10 only spans its plane)
        int j = indexOf(lambda, 7.5);
        assertThat(Math.abs(Fixtures.dot(s.eigenvector(2), model.eigenvector(j)))).isCloseTo(1, within(1e-10));
        int j0 = indexOf(lambda, 10);
        int j1 = indexOf(lambda, 10 - 1e-8);
        for (int i = 0; i < 2; i++) {
            double c0 = Fixtures.dot(s.eigenvector(i), model.eigenvector(j0));
            double c1 = Fixtures.dot(s.eigenvector(i), model.eigenvector(j1));
            assertThat(c0 * c0 + c1 * c1).isCloseTo(1, within(1e-10));
        }
    }

    private static int indexOf(double[] x, double v) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] == v) {
                return i;
            }
        }
        throw new AssertionError(v + " not found");
    }

    @Test
    void equalsTheShallowClosedFormAtRandomPoints() {
        Random rnd = new Random(23);
        for (int d : new int[]{1, 3, 20, 150}) {
            for (double sigma : new double[]{0.1, 1, 3}) {
                for (double phi : new double[]{1, -2}) {
                    ShallowTestModel model = new ShallowTestModel(d, phi);
                    double[] theta = Fixtures.gaussian(2 * d, sigma, rnd);
                    Sharpness s = new DenseSharpness().estimate(model, theta);
                    double exact = model.closedFormSharpness(theta);
                    assertThat(s.value()).as("d=%d σ=%s Φ=%s", d, sigma, phi)
                            .isCloseTo(exact, within(1e-10 * Math.abs(exact)));
                    assertThat(s.hasEigenvectors()).isFalse();
                }
            }
        }
    }

    @Test
    void refusesDimensionsAboveTheLimitBeforeAnyProduct() {
        Model huge = new Model() {
            @Override
            public String family() {
                return "huge";
            }

            @Override
            public int dimension() {
                return DenseSharpness.MAX_DIMENSION + 1;
            }

            @Override
            public Layout layout() {
                return Layout.of("x", dimension(), 1);
            }

            @Override
            public double loss(double[] theta) {
                return 0;
            }

            @Override
            public double gradient(double[] theta, double[] grad) {
                return 0;
            }

            @Override
            public void hessianVector(double[] theta, double[] v, double[] hv) {
                throw new AssertionError("no product expected");
            }

            @Override
            public double minimumLoss() {
                return 0;
            }

            @Override
            public Model copy() {
                return this;
            }
        };
        assertThatThrownBy(() -> new DenseSharpness().estimate(huge, new double[huge.dimension()]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit of 3000")
                .hasMessageContaining("LanczosSharpness");
        assertThatThrownBy(() -> new DenseSharpness(5, false).estimate(new ShallowTestModel(2, 1), new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 eigenvalues");
        assertThatThrownBy(() -> new DenseSharpness(0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
